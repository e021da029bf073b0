using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// A rule as a profile states it: syscall names (groups already expanded), ANDed argument
/// conditions (empty = unconditional) and the action.
/// </summary>
public sealed record NamedRule(ImmutableArray<string> Syscalls, ImmutableArray<ArgCondition> Conditions, SeccompAction Action, SourceLocation Origin);
