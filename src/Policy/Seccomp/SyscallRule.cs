using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// One rule for one syscall number: if all <paramref name="Conditions"/> hold (empty means
/// always), <paramref name="Action"/> decides.
/// </summary>
public sealed record SyscallRule(ImmutableArray<ArgCondition> Conditions, SeccompAction Action, SourceLocation Origin)
{
    public bool IsUnconditional => Conditions.IsDefaultOrEmpty;
}
