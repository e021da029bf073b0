using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hctr.Trust.Json;

/// <summary>Strict accessors over untrusted JSON: every miss is a <see cref="TrustFailureReason.Malformed"/>.</summary>
internal static class JsonRead
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };

    public static JsonObject ParseObject(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return JsonNode.Parse(bytes, null, DocumentOptions) as JsonObject
                ?? throw Malformed(what, "top level is not an object");
        }
        catch (JsonException e)
        {
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"{what}: invalid JSON: {e.Message}", what, e);
        }
        catch (ArgumentException e)
        {
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"{what}: invalid JSON: {e.Message}", what, e);
        }
    }

    public static TrustVerificationException Malformed(string what, string detail) =>
        new(TrustFailureReason.Malformed, $"{what}: {detail}", what);

    public static JsonObject Object(JsonObject parent, string name, string what) =>
        parent[name] as JsonObject ?? throw Malformed(what, $"'{name}' must be an object");

    public static JsonObject? OptionalObject(JsonObject parent, string name, string what) =>
        parent.ContainsKey(name) ? Object(parent, name, what) : null;

    public static JsonArray Array(JsonObject parent, string name, string what) =>
        parent[name] as JsonArray ?? throw Malformed(what, $"'{name}' must be an array");

    public static string String(JsonObject parent, string name, string what) => AsString(parent[name], $"{what}.{name}");

    public static string AsString(JsonNode? node, string what) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Malformed(what, "must be a string");

    public static long Integer(JsonObject parent, string name, string what) =>
        parent[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && CanonicalJson.TryGetInteger(v, out long n)
            ? n
            : throw Malformed(what, $"'{name}' must be an integer");

    public static long? OptionalInteger(JsonObject parent, string name, string what) =>
        parent.ContainsKey(name) ? Integer(parent, name, what) : null;

    public static bool Boolean(JsonObject parent, string name, string what, bool? defaultValue = null)
    {
        if (!parent.ContainsKey(name) && defaultValue is bool d) return d;
        return parent[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValue<bool>()
            : throw Malformed(what, $"'{name}' must be a boolean");
    }

    public static DateTimeOffset Timestamp(JsonObject parent, string name, string what)
    {
        string text = String(parent, name, what);
        if (!text.EndsWith('Z') || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw Malformed(what, $"'{name}' must be an ISO 8601 UTC time ending in Z");
        }
        return value;
    }

    public static string FormatTimestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> StringList(JsonObject parent, string name, string what, bool unique)
    {
        var array = Array(parent, name, what);
        var list = new List<string>(array.Count);
        foreach (var item in array) list.Add(AsString(item, $"{what}.{name}"));
        if (unique && list.Distinct(StringComparer.Ordinal).Count() != list.Count)
            throw Malformed(what, $"'{name}' has duplicate entries");
        return list;
    }
}
