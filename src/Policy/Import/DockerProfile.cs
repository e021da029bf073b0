using System.Collections.Immutable;

namespace Hctr.Policy.Import;

/// <summary>
/// A Docker seccomp profile (or a plain OCI <c>linux.seccomp</c> object) as parsed, before includes and
/// excludes are resolved. <see cref="ArchMap"/> maps a main <c>SCMP_ARCH_*</c> to its sub-architectures.
/// </summary>
internal sealed record DockerProfile(
    string DefaultAction,
    uint? DefaultErrnoRet,
    ImmutableArray<string> Architectures,
    ImmutableArray<(string Arch, ImmutableArray<string> SubArches)> ArchMap,
    ImmutableArray<DockerSyscallEntry> Syscalls,
    ImmutableArray<string> Flags);
