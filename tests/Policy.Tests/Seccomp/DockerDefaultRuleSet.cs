using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// Docker's default seccomp profile for amd64 with Docker's 14 default capabilities, as far as
/// hctr's rules express it: @default allowed; socket without AF_ALG (38) and AF_VSOCK (40);
/// personality for five values; clone without namespace flags; clone3 → ENOSYS; chroot,
/// arch_prctl and modify_ldt allowed; default errno(EPERM), unknown errno(ENOSYS).
/// Shared by the tests and bench/FilterCost.
/// </summary>
internal static class DockerDefaultRuleSet
{
    private const ushort EPERM = 1, ENOSYS = 38;
    private const ulong CloneNamespaceFlags = 0x7E020000;

    public static SeccompRuleSet Create(params SeccompArch[] arches)
    {
        SyscallGroups.TryGet("@default", out var allowed);
        var at = SourceLocation.None;
        NamedRule Rule(string name, SeccompAction action, params ArgCondition[] conditions) =>
            new([name], [.. conditions], action, at);
        var rules = ImmutableArray.Create(
            new NamedRule(allowed, [], SeccompAction.Allow, at),
            Rule("socket", SeccompAction.Allow, new ArgCondition(0, ArgOp.Lt, 38)),
            Rule("socket", SeccompAction.Allow, new ArgCondition(0, ArgOp.Eq, 39)),
            Rule("socket", SeccompAction.Allow, new ArgCondition(0, ArgOp.Gt, 40)),
            Rule("personality", SeccompAction.Allow, new ArgCondition(0, ArgOp.Eq, 0)),
            Rule("personality", SeccompAction.Allow, new ArgCondition(0, ArgOp.Eq, 8)),
            Rule("personality", SeccompAction.Allow, new ArgCondition(0, ArgOp.Eq, 0x20000)),
            Rule("personality", SeccompAction.Allow, new ArgCondition(0, ArgOp.Eq, 0x20008)),
            Rule("personality", SeccompAction.Allow, new ArgCondition(0, ArgOp.Eq, 0xFFFFFFFF)),
            Rule("clone", SeccompAction.Allow, new ArgCondition(0, ArgOp.MaskedEq, 0, CloneNamespaceFlags)),
            Rule("clone3", SeccompAction.Errno(ENOSYS)),
            Rule("chroot", SeccompAction.Allow),
            Rule("arch_prctl", SeccompAction.Allow),
            Rule("modify_ldt", SeccompAction.Allow));
        ImmutableArray<SeccompArch> archList = arches.Length > 0 ? [.. arches] : [SeccompArch.X86_64, SeccompArch.X86, SeccompArch.X32];
        return new SeccompRuleSet(SeccompAction.Errno(EPERM), SeccompAction.Errno(ENOSYS), archList, rules);
    }
}
