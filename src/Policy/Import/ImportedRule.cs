using System.Collections.Immutable;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>One hctr rule produced by the import, with the comment that says which Docker entry it came from.</summary>
internal sealed record ImportedRule(ImmutableArray<string> Syscalls, ImmutableArray<ArgCondition> Args, SeccompAction Action, string Comment)
{
    public bool IsConditional => !Args.IsEmpty;
}
