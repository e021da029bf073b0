using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>CFS quota and period in microseconds; weight 1..10000 (cgroup v2; v1 shares are derived).</summary>
public sealed record CpuProfile(long? QuotaMicros, ulong? PeriodMicros, ulong? Weight, SourceLocation Origin);
