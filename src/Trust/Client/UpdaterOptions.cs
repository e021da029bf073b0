namespace Hctr.Trust.Client;

/// <summary>Limits of the client workflow. Every download has an explicit cap.</summary>
public sealed record UpdaterOptions
{
    /// <summary>As python-tuf and go-tuf since 2024: large enough for long-lived repositories fetched from an old root.</summary>
    public int MaxRootRotations { get; init; } = 256;
    public int MaxDelegations { get; init; } = 32;
    public long RootMaxLength { get; init; } = 512_000;
    public long TimestampMaxLength { get; init; } = 16_384;
    public long SnapshotMaxLength { get; init; } = 2_000_000;
    public long TargetsMaxLength { get; init; } = 5_000_000;
    /// <summary>Whether target files are fetched as <c>{hash}.{name}</c> when the root enables consistent snapshots.</summary>
    public bool PrefixTargetsWithHash { get; init; } = true;
}
