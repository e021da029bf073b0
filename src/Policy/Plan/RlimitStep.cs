using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>Resource is the RLIMIT_* number; ulong.MaxValue is RLIM_INFINITY.</summary>
public sealed record RlimitStep(string Name, int Resource, ulong Soft, ulong Hard, SourceLocation Origin);
