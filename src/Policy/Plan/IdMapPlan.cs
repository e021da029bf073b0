using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>Written by the parent into /proc/PID/{setgroups,uid_map,gid_map}. Empty maps: no user namespace.</summary>
public sealed record IdMapPlan(IReadOnlyList<IdMapEntry> Uid, IReadOnlyList<IdMapEntry> Gid, bool DenySetgroups, SourceLocation Origin);
