namespace Hctr.Trust.Repository;

/// <summary>How long freshly signed metadata of each role stays valid.</summary>
public sealed record ExpiryPolicy
{
    public TimeSpan Root { get; init; } = TimeSpan.FromDays(365);
    public TimeSpan Targets { get; init; } = TimeSpan.FromDays(90);
    public TimeSpan Snapshot { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan Timestamp { get; init; } = TimeSpan.FromDays(1);
}
