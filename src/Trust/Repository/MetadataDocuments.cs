using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

/// <summary>Builds the <c>signed</c> part of each top-level metadata type (repository side).</summary>
public static class MetadataDocuments
{
    public const string SpecVersion = "1.0.31";

    public static JsonObject Root(long version, DateTimeOffset expires, IReadOnlyDictionary<string, PublicKey> keys,
        IReadOnlyDictionary<string, RoleKeys> roles, bool consistentSnapshot)
    {
        var keysObj = new JsonObject();
        foreach (var (id, key) in keys) keysObj[id] = key.ToJson();
        var rolesObj = new JsonObject();
        foreach (var (name, role) in roles) rolesObj[name] = role.ToJson();
        var signed = Common(RoleNames.Root, version, expires);
        signed["keys"] = keysObj;
        signed["roles"] = rolesObj;
        signed["consistent_snapshot"] = consistentSnapshot;
        return signed;
    }

    public static JsonObject Timestamp(long version, DateTimeOffset expires, MetaFile snapshot)
    {
        var signed = Common(RoleNames.Timestamp, version, expires);
        signed["meta"] = new JsonObject { ["snapshot.json"] = snapshot.ToJson() };
        return signed;
    }

    public static JsonObject Snapshot(long version, DateTimeOffset expires, IReadOnlyDictionary<string, MetaFile> meta)
    {
        var metaObj = new JsonObject();
        foreach (var (name, file) in meta) metaObj[name] = file.ToJson();
        var signed = Common(RoleNames.Snapshot, version, expires);
        signed["meta"] = metaObj;
        return signed;
    }

    public static JsonObject Targets(long version, DateTimeOffset expires, IEnumerable<TargetFile> targets, Delegations? delegations)
    {
        var targetsObj = new JsonObject();
        foreach (var target in targets) targetsObj[target.Path] = target.ToJson();
        var signed = Common(RoleNames.Targets, version, expires);
        signed["targets"] = targetsObj;
        if (delegations is not null) signed["delegations"] = delegations.ToJson();
        return signed;
    }

    /// <summary>The snapshot/timestamp <c>meta</c> entry for published bytes: version, length and sha256.</summary>
    public static MetaFile MetaFor(long version, ReadOnlySpan<byte> bytes) =>
        new(version, bytes.Length, new Dictionary<string, string> { ["sha256"] = Hashes.Sha256Hex(bytes) });

    private static JsonObject Common(string type, long version, DateTimeOffset expires) => new()
    {
        ["_type"] = type,
        ["spec_version"] = SpecVersion,
        ["version"] = version,
        ["expires"] = JsonRead.FormatTimestamp(expires),
    };
}
