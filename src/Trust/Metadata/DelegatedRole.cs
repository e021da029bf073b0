using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>A delegation entry: a role name, its keys and threshold, which paths it may sign for.</summary>
public sealed record DelegatedRole(string Name, RoleKeys Keys, bool Terminating,
    IReadOnlyList<string>? Paths, IReadOnlyList<string>? PathHashPrefixes)
{
    internal static DelegatedRole FromJson(JsonObject obj, string what)
    {
        string name = JsonRead.String(obj, "name", what);
        var keys = RoleKeys.FromJson(obj, what);
        bool terminating = JsonRead.Boolean(obj, "terminating", what);
        bool hasPaths = obj.ContainsKey("paths"), hasPrefixes = obj.ContainsKey("path_hash_prefixes");
        if (hasPaths == hasPrefixes) throw JsonRead.Malformed(what, $"role '{name}' needs exactly one of paths, path_hash_prefixes");
        return new DelegatedRole(name, keys, terminating,
            hasPaths ? JsonRead.StringList(obj, "paths", what, unique: false) : null,
            hasPrefixes ? JsonRead.StringList(obj, "path_hash_prefixes", what, unique: false) : null);
    }

    internal JsonObject ToJson()
    {
        var obj = Keys.ToJson();
        obj["name"] = Name;
        obj["terminating"] = Terminating;
        if (Paths is not null) obj["paths"] = new JsonArray(Paths.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        if (PathHashPrefixes is not null)
            obj["path_hash_prefixes"] = new JsonArray(PathHashPrefixes.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        return obj;
    }

    /// <summary>True when this role is trusted for <paramref name="targetPath"/>.</summary>
    public bool IsDelegatedPath(string targetPath)
    {
        if (Paths is not null) return Paths.Any(pattern => PathPattern.Matches(targetPath, pattern));
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(targetPath)));
        return PathHashPrefixes!.Any(prefix => hash.StartsWith(prefix, StringComparison.Ordinal));
    }
}
