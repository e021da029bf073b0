using System.Collections.Immutable;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// What to resolve a Docker profile's <c>includes</c>/<c>excludes</c> against: the capability set (the
/// container's bounding set; names with or without <c>CAP_</c>), the native architecture and the kernel
/// version (only major.minor count, as in moby). <see cref="Name"/> is <c>metadata.name</c>; null derives it
/// from the source name.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>Docker's default capability set (moby's <c>caps.DefaultCapabilities()</c>).</summary>
    public static readonly ImmutableArray<string> DockerDefaultCapabilities =
    [
        "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
        "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    ];

    public ImmutableArray<string> Capabilities { get; init; } = DockerDefaultCapabilities;

    public SeccompArch Arch { get; init; } = SeccompArch.X86_64;

    public Version Kernel { get; init; } = new(6, 1);

    public string? Name { get; init; }

    public static ImportOptions Default { get; } = new();
}
