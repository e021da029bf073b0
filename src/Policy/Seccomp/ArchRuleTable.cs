using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// The rules of one architecture keyed by syscall number (x32 numbers include 0x40000000),
/// each list in precedence order. Numbers absent from <see cref="Rules"/> get
/// <see cref="DefaultAction"/> if the syscall table knows them, else <see cref="UnknownAction"/>.
/// </summary>
public sealed record ArchRuleTable(SeccompArch Arch, FrozenDictionary<int, ImmutableArray<SyscallRule>> Rules, SeccompAction DefaultAction, SeccompAction UnknownAction);
