using System.Collections.Immutable;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Loading;

/// <summary>
/// One profile file as written: every field is null when the file does not set it. Layers are merged
/// (<see cref="ProfileMerger"/>) along the <c>extends:</c> chain, then defaults fill what no layer set.
/// </summary>
internal sealed record ProfileLayer
{
    public required string Source { get; init; }

    public required Located<string> Name { get; init; }

    public string? Description { get; init; }

    public Located<string>? Extends { get; init; }

    public ImmutableArray<Located<string>> Widen { get; init; } = [];

    public ImmutableArray<Located<Capability>>? CapAdd { get; init; }

    public Located<bool>? NoNewPrivileges { get; init; }

    public Located<UserNamespaceMode>? UsernsMode { get; init; }

    public uint? UsernsSize { get; init; }

    public ImmutableArray<IdMapping>? UidMappings { get; init; }

    public ImmutableArray<IdMapping>? GidMappings { get; init; }

    public Located<bool>? AllowHostRootUnsafe { get; init; }

    /// <summary>The seccomp section exists (even if empty): its absence selects the built-in default allowlist.</summary>
    public SourceLocation? SeccompSection { get; init; }

    public Located<SeccompAction>? DefaultAction { get; init; }

    public Located<SeccompAction>? UnknownAction { get; init; }

    public ImmutableArray<Located<SeccompArch>>? Architectures { get; init; }

    public ImmutableDictionary<string, SyscallGroupSpec> Groups { get; init; } = ImmutableDictionary<string, SyscallGroupSpec>.Empty;

    public ImmutableArray<RawRule>? Rules { get; init; }

    public Located<bool>? ReadOnlyRootfs { get; init; }

    public ImmutableArray<Located<string>>? MaskedPaths { get; init; }

    public ImmutableArray<Located<string>>? ReadOnlyPaths { get; init; }

    public ImmutableArray<TmpfsMount>? Tmpfs { get; init; }

    public ImmutableArray<VolumeRule>? Volumes { get; init; }

    public ImmutableArray<PathAccessRule>? Access { get; init; }

    public Located<bool>? AllowSetuid { get; init; }

    public ImmutableArray<Located<NetworkMode>>? NetworkModes { get; init; }

    public ImmutableArray<PortRange>? TcpBind { get; init; }

    public ImmutableArray<PortRange>? TcpConnect { get; init; }

    public Located<ulong?>? Memory { get; init; }

    public Located<long?>? Pids { get; init; }

    public CpuProfile? Cpu { get; init; }

    public ImmutableArray<RlimitEntry>? Rlimits { get; init; }

    public ImmutableArray<SysctlEntry>? Sysctls { get; init; }

    public ImmutableArray<DeviceEntry>? Devices { get; init; }

    public ImmutableArray<Located<string>>? AppArmorRules { get; init; }
}
