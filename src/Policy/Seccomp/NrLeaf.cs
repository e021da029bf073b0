using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// What the filter does for a range of syscall numbers: either return a constant (the
/// kernel can cache such numbers in its per-arch action bitmap) or, for one number, walk
/// a chain of argument rules and return <see cref="Fallthrough"/> when none matches.
/// </summary>
internal sealed record NrLeaf(uint? Constant, ImmutableArray<SyscallRule> Chain, SeccompAction Fallthrough)
{
    public static NrLeaf Of(SeccompAction action) => new(action.ToRet(), [], action);

    public bool IsConstant => Constant.HasValue;
}
