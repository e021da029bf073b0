using Hctr.Trust.Crypto;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Parsed <c>root.json</c>: the keys and thresholds of the four top-level roles.</summary>
public sealed class RootMetadata
{
    private RootMetadata(Envelope envelope, IReadOnlyDictionary<string, PublicKey> keys,
        IReadOnlyDictionary<string, RoleKeys> roles, bool consistentSnapshot)
    {
        Envelope = envelope;
        Keys = keys;
        Roles = roles;
        ConsistentSnapshot = consistentSnapshot;
    }

    public Envelope Envelope { get; }
    public long Version => Envelope.Version;
    public IReadOnlyDictionary<string, PublicKey> Keys { get; }
    public IReadOnlyDictionary<string, RoleKeys> Roles { get; }
    public bool ConsistentSnapshot { get; }

    public RoleKeys Role(string name) => Roles[name];

    public static RootMetadata Parse(ReadOnlySpan<byte> bytes)
    {
        const string what = RoleNames.Root;
        var envelope = Envelope.Parse(bytes, what);
        var signed = envelope.Signed;
        var keys = new Dictionary<string, PublicKey>(StringComparer.Ordinal);
        foreach (var (keyId, node) in JsonRead.Object(signed, "keys", what))
        {
            if (node is not System.Text.Json.Nodes.JsonObject keyObj) throw JsonRead.Malformed(what, "key must be an object");
            keys[keyId] = PublicKey.FromJson(keyObj, what);
        }
        var roles = new Dictionary<string, RoleKeys>(StringComparer.Ordinal);
        var rolesObj = JsonRead.Object(signed, "roles", what);
        foreach (string name in new[] { RoleNames.Root, RoleNames.Timestamp, RoleNames.Snapshot, RoleNames.Targets })
        {
            roles[name] = RoleKeys.FromJson(JsonRead.Object(rolesObj, name, what), what);
        }
        if (rolesObj.Count != 4) throw JsonRead.Malformed(what, "roles must name exactly the four top-level roles");
        bool consistent = JsonRead.Boolean(signed, "consistent_snapshot", what, defaultValue: false);
        return new RootMetadata(envelope, keys, roles, consistent);
    }
}
