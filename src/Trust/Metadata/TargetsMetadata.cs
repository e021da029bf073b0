using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Parsed top-level or delegated targets metadata.</summary>
public sealed class TargetsMetadata
{
    private TargetsMetadata(Envelope envelope, IReadOnlyDictionary<string, TargetFile> targets, Delegations? delegations)
    {
        Envelope = envelope;
        Targets = targets;
        Delegations = delegations;
    }

    public Envelope Envelope { get; }
    public long Version => Envelope.Version;
    public IReadOnlyDictionary<string, TargetFile> Targets { get; }
    public Delegations? Delegations { get; }

    public static TargetsMetadata Parse(ReadOnlySpan<byte> bytes, string roleName)
    {
        var envelope = Envelope.Parse(bytes, RoleNames.Targets);
        var targets = new Dictionary<string, TargetFile>(StringComparer.Ordinal);
        foreach (var (path, node) in JsonRead.Object(envelope.Signed, "targets", roleName))
        {
            targets[path] = TargetFile.FromJson(path, node as JsonObject ?? throw JsonRead.Malformed(roleName, "target must be an object"), roleName);
        }
        var delegationsObj = JsonRead.OptionalObject(envelope.Signed, "delegations", roleName);
        var delegations = delegationsObj is null ? null : Delegations.FromJson(delegationsObj, roleName);
        return new TargetsMetadata(envelope, targets, delegations);
    }
}
