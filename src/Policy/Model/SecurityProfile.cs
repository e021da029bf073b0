using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>
/// The effective profile: <c>extends:</c> resolved, defaults filled in, every value located at the line that
/// introduced it. This is the semantic model the compiler, lint, diff and explain all read.
/// </summary>
public sealed record SecurityProfile
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required SourceLocation Origin { get; init; }

    /// <summary>The files that make up the profile, the leaf first, then each base.</summary>
    public required ImmutableArray<string> Sources { get; init; }

    /// <summary>
    /// The profile's content digest over its whole <c>extends:</c> chain (<see cref="Loading.ProfileLoader.ChainDigest"/>);
    /// empty for a profile built in memory rather than loaded.
    /// </summary>
    public string SourceDigest { get; init; } = "";

    public required CapabilityProfile Capabilities { get; init; }

    public required Located<bool> NoNewPrivileges { get; init; }

    public required UserNamespaceProfile UserNamespace { get; init; }

    public required SeccompProfile Seccomp { get; init; }

    public required FilesystemProfile Filesystem { get; init; }

    public required NetworkProfile Network { get; init; }

    public required ResourceProfile Resources { get; init; }

    public required ImmutableArray<RlimitEntry> Rlimits { get; init; }

    public required ImmutableArray<SysctlEntry> Sysctls { get; init; }

    public required ImmutableArray<DeviceEntry> Devices { get; init; }

    public required ImmutableArray<Located<string>> AppArmorRules { get; init; }

    /// <summary>Sections a profile in the chain declared it may widen relative to its base.</summary>
    public required ImmutableArray<Located<string>> Widen { get; init; }
}
