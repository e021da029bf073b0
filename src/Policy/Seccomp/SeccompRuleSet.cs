using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// A seccomp policy before it is resolved to numbers.
/// <para><see cref="Rules"/> are in precedence order: for a syscall, the first rule whose
/// conditions all hold decides; if none does, <see cref="DefaultAction"/>.</para>
/// <para><see cref="UnknownAction"/> (normally <c>errno(ENOSYS)</c>) applies to syscall numbers
/// that are not in hctr's table for the architecture (gaps and numbers above the highest), so
/// syscalls newer than the table fail the way an older kernel would and libc can fall back.
/// Known syscalls that no rule lists get <see cref="DefaultAction"/>.</para>
/// </summary>
public sealed record SeccompRuleSet(SeccompAction DefaultAction, SeccompAction UnknownAction, ImmutableArray<SeccompArch> Architectures, ImmutableArray<NamedRule> Rules);
