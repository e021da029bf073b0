using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Model;

/// <summary>
/// One seccomp rule as written: <see cref="Syscalls"/> are names and @groups, <see cref="Expanded"/> the
/// syscall names after group expansion (sorted, unique).
/// </summary>
public sealed record SeccompRuleSpec(
    ImmutableArray<Located<string>> Syscalls,
    ImmutableArray<string> Expanded,
    ImmutableArray<ArgCondition> Args,
    SeccompAction Action,
    SourceLocation Origin,
    string? Comment);
