using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>The <c>delegations</c> of a targets role: keys plus either ordered roles or succinct hash bins.</summary>
public sealed class Delegations
{
    private Delegations(IReadOnlyDictionary<string, PublicKey> keys, IReadOnlyList<DelegatedRole>? roles, SuccinctRoles? succinct)
    {
        Keys = keys;
        Roles = roles;
        Succinct = succinct;
    }

    public IReadOnlyDictionary<string, PublicKey> Keys { get; }
    public IReadOnlyList<DelegatedRole>? Roles { get; }
    public SuccinctRoles? Succinct { get; }

    /// <summary>Ordered delegations to named roles (repository side).</summary>
    public static Delegations Create(IReadOnlyDictionary<string, PublicKey> keys, IReadOnlyList<DelegatedRole> roles) => new(keys, roles, null);

    /// <summary>Succinct hash-bin delegations (repository side).</summary>
    public static Delegations CreateSuccinct(IReadOnlyDictionary<string, PublicKey> keys, SuccinctRoles succinct) => new(keys, null, succinct);

    internal JsonObject ToJson()
    {
        var keys = new JsonObject();
        foreach (var (id, key) in Keys) keys[id] = key.ToJson();
        var obj = new JsonObject { ["keys"] = keys };
        if (Succinct is not null) obj["succinct_roles"] = Succinct.ToJson();
        else obj["roles"] = new JsonArray(Roles!.Select(r => (JsonNode?)r.ToJson()).ToArray());
        return obj;
    }

    internal static Delegations FromJson(JsonObject obj, string what)
    {
        var keys = new Dictionary<string, PublicKey>(StringComparer.Ordinal);
        foreach (var (keyId, node) in JsonRead.Object(obj, "keys", what))
            keys[keyId] = PublicKey.FromJson(node as JsonObject ?? throw JsonRead.Malformed(what, "key must be an object"), what);
        bool hasRoles = obj.ContainsKey("roles"), hasSuccinct = obj.ContainsKey("succinct_roles");
        if (hasRoles == hasSuccinct) throw JsonRead.Malformed(what, "delegations need exactly one of roles, succinct_roles");
        if (hasSuccinct) return new Delegations(keys, null, SuccinctRoles.FromJson(JsonRead.Object(obj, "succinct_roles", what), what));
        var roles = new List<DelegatedRole>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in JsonRead.Array(obj, "roles", what))
        {
            var role = DelegatedRole.FromJson(node as JsonObject ?? throw JsonRead.Malformed(what, "role must be an object"), what);
            if (!names.Add(role.Name) || RoleNames.IsTopLevel(role.Name))
                throw JsonRead.Malformed(what, $"delegated role name '{role.Name}' is duplicate or reserved");
            roles.Add(role);
        }
        return new Delegations(keys, roles, null);
    }

    /// <summary>The child roles trusted for <paramref name="targetPath"/>, in delegation order.</summary>
    public IEnumerable<(string Name, bool Terminating)> RolesForTarget(string targetPath)
    {
        if (Succinct is not null)
        {
            // A target lives in exactly one bin, so a bin is terminating.
            yield return (Succinct.RoleForTarget(targetPath), true);
            yield break;
        }
        foreach (var role in Roles!)
        {
            if (role.IsDelegatedPath(targetPath)) yield return (role.Name, role.Terminating);
        }
    }

    /// <summary>Keys and threshold for a delegated role name, or null when this delegator does not delegate to it.</summary>
    public RoleKeys? KeysFor(string roleName)
    {
        if (Succinct is not null) return Succinct.IsDelegatedRole(roleName) ? Succinct.Keys : null;
        return Roles!.FirstOrDefault(r => r.Name == roleName)?.Keys;
    }
}
