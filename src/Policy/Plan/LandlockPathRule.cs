using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>LANDLOCK_RULE_PATH_BENEATH for a container path; Access is LANDLOCK_ACCESS_FS_* bits.</summary>
public sealed record LandlockPathRule(string Path, ulong Access, SourceLocation Origin);
