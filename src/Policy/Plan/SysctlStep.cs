using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

public sealed record SysctlStep(string Key, string Value, SourceLocation Origin);
