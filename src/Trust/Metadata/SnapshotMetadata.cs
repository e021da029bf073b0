using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Parsed <c>snapshot.json</c>: the version of every targets metadata file.</summary>
public sealed class SnapshotMetadata
{
    private SnapshotMetadata(Envelope envelope, IReadOnlyDictionary<string, MetaFile> meta)
    {
        Envelope = envelope;
        Meta = meta;
    }

    public Envelope Envelope { get; }
    public long Version => Envelope.Version;
    /// <summary>Keyed by file name, e.g. <c>targets.json</c>, <c>bins-3a.json</c>.</summary>
    public IReadOnlyDictionary<string, MetaFile> Meta { get; }

    public static SnapshotMetadata Parse(ReadOnlySpan<byte> bytes)
    {
        const string what = RoleNames.Snapshot;
        var envelope = Envelope.Parse(bytes, what);
        var meta = new Dictionary<string, MetaFile>(StringComparer.Ordinal);
        foreach (var (name, node) in JsonRead.Object(envelope.Signed, "meta", what))
        {
            meta[name] = MetaFile.FromJson(node as JsonObject ?? throw JsonRead.Malformed(what, "meta entry must be an object"), what);
        }
        return new SnapshotMetadata(envelope, meta);
    }
}
