using System.Collections.Immutable;
using Hctr.Policy.Model;

namespace Hctr.Policy.Plan;

/// <summary>
/// What one run asks for, beside the profile: the process, the rootfs, volumes, network mode. The Engine
/// fills it; <c>hctr profile compile</c> uses <see cref="Example"/>. Host id ranges for Auto user namespaces
/// are allocated by the caller and passed in <see cref="AutoIdRangeStart"/>.
/// </summary>
public sealed record LaunchRequest
{
    public required ImmutableArray<string> Argv { get; init; }

    public ImmutableArray<string> Env { get; init; } = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];

    public string Cwd { get; init; } = "/";

    public uint Uid { get; init; }

    public uint Gid { get; init; }

    public ImmutableArray<uint> AdditionalGids { get; init; } = [];

    public string Hostname { get; init; } = "hctr";

    public string ContainerId { get; init; } = "example";

    /// <summary>Host path of the prepared root filesystem.</summary>
    public string RootfsPath { get; init; } = "/var/lib/hctr/rootfs";

    public ImmutableArray<VolumeRequest> Volumes { get; init; } = [];

    /// <summary>Null: the profile's first allowed mode.</summary>
    public NetworkMode? Network { get; init; }

    public bool Terminal { get; init; }

    /// <summary>Run hctr's minimal init as PID 1 (reaps zombies, forwards signals).</summary>
    public bool Init { get; init; }

    /// <summary>First host uid/gid of the range given to this container when the profile says userNamespace: auto.</summary>
    public uint AutoIdRangeStart { get; init; } = 100000;

    public static LaunchRequest Example { get; } = new() { Argv = ["/bin/sh"] };
}
