using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Which key ids may sign a role, and how many distinct ones must.</summary>
public sealed record RoleKeys(IReadOnlyList<string> KeyIds, int Threshold)
{
    internal static RoleKeys FromJson(JsonObject obj, string what)
    {
        var keyIds = JsonRead.StringList(obj, "keyids", what, unique: true);
        long threshold = JsonRead.Integer(obj, "threshold", what);
        if (threshold < 1 || threshold > int.MaxValue) throw JsonRead.Malformed(what, "threshold must be >= 1");
        return new RoleKeys(keyIds, (int)threshold);
    }

    internal JsonObject ToJson() => new()
    {
        ["keyids"] = new JsonArray(KeyIds.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
        ["threshold"] = Threshold,
    };
}
