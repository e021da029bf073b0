using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Loading;

/// <summary>A seccomp rule before group expansion.</summary>
internal sealed record RawRule(ImmutableArray<Located<string>> Syscalls, ImmutableArray<ArgCondition> Args, SeccompAction Action, SourceLocation Origin, string? Comment);
