using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>
/// The filter to load last: <see cref="Program"/> is base64 of little-endian struct sock_filter records;
/// <see cref="Flags"/> are SECCOMP_FILTER_FLAG_* bits (SPEC_ALLOW where the host supports it).
/// </summary>
public sealed record SeccompPlan(string Program, int InstructionCount, uint Flags, bool NeedsListener, SourceLocation Origin);
