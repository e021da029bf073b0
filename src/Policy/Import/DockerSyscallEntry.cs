using System.Collections.Immutable;

namespace Hctr.Policy.Import;

/// <summary>One element of a Docker profile's <c>syscalls</c> array; <see cref="Index"/> is its position there.</summary>
internal sealed record DockerSyscallEntry(
    int Index,
    ImmutableArray<string> Names,
    string Action,
    uint? ErrnoRet,
    ImmutableArray<DockerArg> Args,
    string? Comment,
    DockerFilter? Includes,
    DockerFilter? Excludes);
