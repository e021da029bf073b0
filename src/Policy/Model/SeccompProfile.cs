using System.Collections.Immutable;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Model;

/// <summary>
/// Rules in precedence order (an extending profile's rules come before its base's): for a syscall the first
/// rule whose argument conditions hold decides; otherwise <see cref="DefaultAction"/>. Syscall numbers not in
/// hctr's table get <see cref="UnknownAction"/>. <see cref="Architectures"/> empty means the host's native set.
/// </summary>
public sealed record SeccompProfile(
    Located<SeccompAction> DefaultAction,
    Located<SeccompAction> UnknownAction,
    ImmutableArray<Located<SeccompArch>> Architectures,
    ImmutableArray<SeccompRuleSpec> Rules);
