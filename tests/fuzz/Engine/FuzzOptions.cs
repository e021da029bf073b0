namespace Hctr.Fuzz.Engine;

/// <summary>Budget and determinism of a fuzz run: it stops at whichever of the two budgets ends first.</summary>
internal sealed record FuzzOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public long Iterations { get; init; } = long.MaxValue;

    public int Seed { get; init; } = 1;

    public TimeSpan InputTimeout { get; init; } = FuzzExecutor.DefaultTimeout;

    /// <summary>Where findings (and the input in flight, for crashes that kill the process) are written; null for none.</summary>
    public string? FindingsDirectory { get; init; }
}
