using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Parsed <c>timestamp.json</c>: names the current snapshot.</summary>
public sealed class TimestampMetadata
{
    private TimestampMetadata(Envelope envelope, MetaFile snapshotMeta)
    {
        Envelope = envelope;
        SnapshotMeta = snapshotMeta;
    }

    public Envelope Envelope { get; }
    public long Version => Envelope.Version;
    public MetaFile SnapshotMeta { get; }

    public static TimestampMetadata Parse(ReadOnlySpan<byte> bytes)
    {
        const string what = RoleNames.Timestamp;
        var envelope = Envelope.Parse(bytes, what);
        var meta = JsonRead.Object(envelope.Signed, "meta", what);
        if (JsonRead.OptionalObject(meta, "snapshot.json", what) is not { } snap)
            throw JsonRead.Malformed(what, "meta must contain 'snapshot.json'");
        return new TimestampMetadata(envelope, MetaFile.FromJson(snap, what));
    }
}
