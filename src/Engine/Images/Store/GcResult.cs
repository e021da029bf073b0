namespace Hctr.Engine.Images.Store;

/// <summary>What <see cref="GarbageCollector"/> removed.</summary>
public sealed record GcResult(int BlobsRemoved, int LayersRemoved, long BytesFreed)
{
    /// <summary>Unreferenced layers kept because a running container uses them.</summary>
    public int KeptInUse { get; init; }
}
