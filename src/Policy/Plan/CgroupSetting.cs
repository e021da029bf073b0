using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>One file write: Controller is the v1 hierarchy name (memory, pids, cpu, devices) or "" for v2.</summary>
public sealed record CgroupSetting(string Controller, string File, string Value, SourceLocation Origin);
