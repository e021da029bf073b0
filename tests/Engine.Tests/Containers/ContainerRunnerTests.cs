using Hctr.Engine.Containers;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Cgroups;
using Xunit;

namespace Hctr.Engine.Tests.Containers;

[Trait("Category", "Unit")]
public sealed class ContainerRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-state-").FullName;

    [Fact]
    public void Leftovers_of_a_dead_hctr_are_removed_and_live_ones_kept()
    {
        var cgroups = new RecordingCgroups();
        string dead = Path.Combine(_root, "dead");
        string live = Path.Combine(_root, "live");
        Directory.CreateDirectory(dead);
        Directory.CreateDirectory(live);
        File.WriteAllText(Path.Combine(dead, "state"), new ContainerState("dead", int.MaxValue - 1, 1, 5, ["/cg/hctr-dead"]).Serialize());
        ulong start = ContainerRunner.StartTime(Environment.ProcessId)!.Value;
        File.WriteAllText(Path.Combine(live, "state"), new ContainerState("live", Environment.ProcessId, start, 6, ["/cg/hctr-live"]).Serialize());

        Assert.Equal(1, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live));
        Assert.Equal(["/cg/hctr-dead"], cgroups.Destroyed);
    }

    [Fact]
    public void A_pid_reused_by_another_process_does_not_keep_leftovers_alive()
    {
        var cgroups = new RecordingCgroups();
        string dir = Leftover("reused", new ContainerState("reused", Environment.ProcessId, 1, 7, ["/cg/hctr-reused"]));
        Assert.Equal(1, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.Equal(["/cg/hctr-reused"], cgroups.Destroyed);
    }

    [Theory]
    [InlineData("/sys/fs/cgroup/pids")]
    [InlineData("/sys/fs/cgroup/pids/user.slice")]
    [InlineData("/sys/fs/cgroup/pids/hctr-x/..")]
    [InlineData("/sys/fs/cgroup/pids/hctr-x/")]
    [InlineData("sys/fs/cgroup/pids/hctr-x")]
    [InlineData("/sys/fs/cgroup/pids/hctr-")]
    public void A_leftover_whose_state_names_a_cgroup_hctr_does_not_create_is_not_acted_on(string cgroup)
    {
        // Destroying a cgroup SIGKILLs everything in it: a corrupt or edited state must not reach a controller's root.
        var cgroups = new RecordingCgroups();
        string dir = Leftover("odd", new ContainerState("odd", int.MaxValue - 1, 1, 5, ["/sys/fs/cgroup/memory/hctr-odd", cgroup]));
        Assert.Equal(0, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.Empty(cgroups.Destroyed);
        Assert.True(File.Exists(Path.Combine(dir, "state")), "left for a human to look at");
    }

    [Fact]
    public void Pending_cgroups_of_a_leftover_are_removed_if_empty_never_killed()
    {
        // Killed between its mkdirs and the state that names them as its own: the directories were only pending.
        var cgroups = new RecordingCgroups();
        string dir = Leftover("early", new ContainerState("early", int.MaxValue - 1, 1, 0, []) { PendingCgroupDirectories = ["/cg/pids/hctr-early", "/cg/devices/hctr-early"] });
        Assert.Equal(1, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.Empty(cgroups.Destroyed);
        Assert.Equal(["/cg/pids/hctr-early", "/cg/devices/hctr-early"], cgroups.RemovedIfEmpty);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_leftover_whose_pending_cgroup_still_holds_processes_keeps_its_state_for_the_next_cleanup()
    {
        var cgroups = new RecordingCgroups { Empty = false };
        string dir = Leftover("busy", new ContainerState("busy", int.MaxValue - 1, 1, 0, []) { PendingCgroupDirectories = ["/cg/pids/hctr-busy"] });
        Assert.Equal(0, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.Empty(cgroups.Destroyed);
        Assert.True(File.Exists(Path.Combine(dir, "state")));
    }

    [Fact]
    public void A_pending_cgroup_hctr_does_not_create_is_not_touched()
    {
        var cgroups = new RecordingCgroups();
        string dir = Leftover("oddpending", new ContainerState("oddpending", int.MaxValue - 1, 1, 0, []) { PendingCgroupDirectories = ["/sys/fs/cgroup/pids"] });
        Assert.Equal(0, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.Empty(cgroups.RemovedIfEmpty);
        Assert.True(File.Exists(Path.Combine(dir, "state")));
    }

    [Fact]
    public void A_leftover_state_in_a_directory_of_another_name_is_not_acted_on()
    {
        var cgroups = new RecordingCgroups();
        string dir = Leftover("moved", new ContainerState("other", int.MaxValue - 1, 1, 5, ["/cg/hctr-other"]));
        Assert.Equal(0, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.Empty(cgroups.Destroyed);
    }

    [Fact]
    public void Directories_without_a_state_file_are_not_containers_and_stay()
    {
        var cgroups = new RecordingCgroups();
        string ranges = Directory.CreateDirectory(Path.Combine(_root, "idranges")).FullName;
        File.WriteAllText(Path.Combine(ranges, "0"), "running-container");
        Directory.SetLastWriteTimeUtc(ranges, DateTime.UtcNow.AddHours(-1));
        Assert.Equal(0, new ContainerRunner(_root, cgroups).CleanLeftovers());
        Assert.True(File.Exists(Path.Combine(ranges, "0")), "a running container's host id range stays claimed");
    }

    /// <summary>A container directory under the state root holding <paramref name="state"/>, as a dead hctr leaves it.</summary>
    private string Leftover(string name, ContainerState state)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "state"), state.Serialize());
        return dir;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class RecordingCgroups : ICgroupManager
    {
        public List<string> Destroyed { get; } = [];

        public List<string> RemovedIfEmpty { get; } = [];

        /// <summary>What RemoveIfEmpty answers: false stands for a pending directory with processes in it.</summary>
        public bool Empty { get; init; } = true;

        public IReadOnlyList<string> Create(CgroupPlan plan, Action<IReadOnlyList<string>>? beforeCreate = null) => [];

        public bool RemoveIfEmpty(IReadOnlyList<string> directories)
        {
            RemovedIfEmpty.AddRange(directories);
            return Empty;
        }

        public void AddProcess(IReadOnlyList<string> directories, int pid)
        {
        }

        public IDisposable? EnterForClone(IReadOnlyList<string> directories) => null;

        public bool OomKilled(IReadOnlyList<string> directories) => false;

        public void Destroy(IReadOnlyList<string> directories) => Destroyed.AddRange(directories);
    }
}
