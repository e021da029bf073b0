using Hctr.Sandbox.Cgroups;

namespace Hctr.Sandbox;

/// <summary>How to start the init stage; everything the container gets comes from the plan.</summary>
public sealed record LaunchOptions
{
    /// <summary>The init stage's executable, run inside the namespaces as <c>EXE init --plan-fd ...</c>: <c>hctr-init</c> beside hctr (<see cref="InitBinary"/>).</summary>
    public required string InitExecutable { get; init; }

    /// <summary>Arguments before the init subcommand's own, for hosts that need them (a dll path under dotnet).</summary>
    public IReadOnlyList<string> InitPrefixArguments { get; init; } = [];

    /// <summary>The init stage's environment (not the container's, which is in the plan): e.g. DOTNET_ROOT for a JIT host.</summary>
    public IReadOnlyList<string> InitEnvironment { get; init; } = [];

    public required ICgroupManager Cgroups { get; init; }

    /// <summary>Called with the cgroup directories the launch is about to create, before it creates them (for the
    /// state directory: a later hctr removes them, if empty, should this one be killed before <see cref="OnCreated"/>).</summary>
    public Action<IReadOnlyList<string>>? OnCgroupsPlanned { get; init; }

    /// <summary>Called once the container exists, before it runs: pid and cgroup directories, for the state directory.</summary>
    public Action<int, IReadOnlyList<string>>? OnCreated { get; init; }

    /// <summary>Forward INT, TERM, HUP, QUIT, USR1, USR2 and WINCH to the container (off in tests that run in-process).</summary>
    public bool ForwardSignals { get; init; } = true;

    /// <summary>Give up and kill the container after this long (null: wait forever).</summary>
    public TimeSpan? Timeout { get; init; }
}
