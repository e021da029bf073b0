using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>The five capability sets as masks (bit N = capability N), and the names for humans.</summary>
public sealed record CapabilityPlan(
    ulong Bounding,
    ulong Effective,
    ulong Permitted,
    ulong Inheritable,
    ulong Ambient,
    IReadOnlyList<string> Names,
    SourceLocation Origin);
