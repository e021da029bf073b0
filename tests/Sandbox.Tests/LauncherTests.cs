using System.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Cgroups;

namespace Hctr.Sandbox.Tests;

/// <summary>The parent side: signals, and nothing left on the host after exit, even after SIGKILL of hctr.</summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "Kernel")]
public sealed class LauncherTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>
{
    private LaunchPlan Plan => TestPlans.Default(rootfs.Path, "/bin/true");

    [Fact]
    public void Nothing_is_left_on_the_host_after_exit()
    {
        int mountsBefore = File.ReadAllLines("/proc/self/mountinfo").Length;
        var plan = Plan.WithArgv("/bin/sh", "-c", "sleep 30 & sleep 30 & echo started");
        var r = HctrBinary.Run(plan, extraArgs: ["--name", "leftover-" + Guid.NewGuid().ToString("N")[..8]]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(mountsBefore, File.ReadAllLines("/proc/self/mountinfo").Length);
        Assert.False(Directory.Exists(Path.Combine("/sys/fs/cgroup/pids", plan.Cgroup.Name)));
        Assert.DoesNotContain(Directory.GetDirectories("/run/hctr"), d => d.Contains("leftover-", StringComparison.Ordinal));
    }

    /// <summary>
    /// The parent moves the child into its cgroup while init starts (Launcher.Release). Here that move is made
    /// 300 ms slow: a workload that ran before it would see itself outside the cgroup and exit 1.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_workload_runs_only_once_it_is_in_its_cgroup(bool reaper)
    {
        var plan = (Plan with { Process = Plan.Process with { Init = reaper } })
            .WithArgv("/bin/sh", "-c", "grep -q 'pids:.*hctr-' /proc/self/cgroup");
        var options = new LaunchOptions
        {
            InitExecutable = HctrBinary.InitPath,
            Cgroups = new SlowMove(new CgroupV1Manager()),
            ForwardSignals = false,
            Timeout = TimeSpan.FromSeconds(20),
        };
        Assert.Equal(0, Launcher.Run(plan, options).ExitCode);
    }

    /// <summary>On v1 the child is born in its cgroup (the cloning thread enters it for the clone only): the host
    /// sees the container's first process in it while it runs, and afterwards every thread of this process is back
    /// where it was and the cgroup is gone.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_v1_the_container_is_born_in_its_cgroup_and_the_launching_thread_goes_back(bool reaper)
    {
        var plan = (Plan with { Process = Plan.Process with { Init = reaper }, Cgroup = Plan.Cgroup with { Controllers = ["pids", "memory"] } })
            .WithArgv("/bin/sh", "-c", "sleep 1");
        int pid = 0;
        IReadOnlyList<string> dirs = [];
        var options = new LaunchOptions
        {
            InitExecutable = HctrBinary.InitPath,
            Cgroups = new CgroupV1Manager(),
            ForwardSignals = false,
            Timeout = TimeSpan.FromSeconds(20),
            OnCreated = (p, d) => (pid, dirs) = (p, d),
        };
        var run = Task.Run(() => Launcher.Run(plan, options));
        SpinWait.SpinUntil(() => pid != 0 || run.IsCompleted, 10_000);
        Assert.Equal(2, dirs.Count);
        Assert.All(dirs, d => Assert.Contains(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllLines(Path.Combine(d, "cgroup.procs"))));
        Assert.Equal(0, (await run).ExitCode);

        string process = File.ReadAllText("/proc/self/cgroup");
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                Assert.Equal(process, File.ReadAllText(Path.Combine(task, "cgroup")));
            }
            catch (IOException)
            {
                // The thread exited meanwhile.
            }
        }

        Assert.All(dirs, d => Assert.False(Directory.Exists(d)));
    }

    /// <summary>Born in its cgroup, the container's cgroup namespace is rooted there: it sees "/" and no host
    /// path (as runc does); a child moved in after the clone would see "/hctr-...".</summary>
    [Fact]
    public void On_v1_the_container_sees_its_cgroup_as_the_root()
    {
        var r = HctrBinary.Run(Plan.WithArgv("/bin/sh", "-c", "grep ':pids:' /proc/self/cgroup"));
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+:pids:/\n$", r.Stdout);
    }

    /// <summary>
    /// cgroup v2 for real on this host's unified hierarchy (mounted at /sys/fs/cgroup/unified, no controllers): the
    /// child is born in its cgroup through clone3(CLONE_INTO_CGROUP), so the host sees it there while it runs and
    /// the container's cgroup namespace is rooted at it ("0::/"); moved in after the clone instead (the fallback,
    /// forced here by hiding the directory from the launcher), the same container sees "0::/NAME".
    /// </summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task On_v2_the_container_is_born_in_its_cgroup(bool cloneInto, bool reaper)
    {
        const string Unified = "/sys/fs/cgroup/unified";
        Assert.True(File.Exists(Path.Combine(Unified, "cgroup.procs")), $"{Unified} is not a cgroup2 mount");
        string name = "hctr-v2test-" + Guid.NewGuid().ToString("N")[..8];
        var v2 = new CgroupPlan(CgroupLayout.V2, name, [], [new CgroupSetting("cgroup", "cgroup.max.descendants", "0", TestPlans.At(7))]);
        // The container's view, as its exit code: 0 when /proc/self/cgroup says what the case expects.
        string expected = cloneInto ? "0::/" : $"0::/{name}";
        var plan = (Plan with { Cgroup = v2, Process = Plan.Process with { Init = reaper } })
            .WithArgv("/bin/sh", "-c", $"sleep 1; grep -qx '{expected}' /proc/self/cgroup");
        var manager = new CgroupV2Manager(Unified);
        int pid = 0;
        IReadOnlyList<string> dirs = [];
        var options = new LaunchOptions
        {
            InitExecutable = HctrBinary.InitPath,
            Cgroups = cloneInto ? manager : new MoveAfterClone(manager),
            ForwardSignals = false,
            Timeout = TimeSpan.FromSeconds(20),
            OnCreated = (p, d) => (pid, dirs) = (p, d),
        };
        var run = Task.Run(() => Launcher.Run(plan, options));
        SpinWait.SpinUntil(() => pid != 0 || run.IsCompleted, 10_000);
        var dir = Assert.Single(dirs);
        Assert.Equal(Path.Combine(Unified, File.ReadAllText("/proc/self/cgroup").Split('\n').First(l => l.StartsWith("0::", StringComparison.Ordinal))[3..].TrimStart('/'), name), dir);
        SpinWait.SpinUntil(() => File.ReadAllText(Path.Combine(dir, "cgroup.procs")).Length > 0, 5_000);
        Assert.Contains(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllLines(Path.Combine(dir, "cgroup.procs")));
        Assert.Equal(0, (await run).ExitCode);
        Assert.False(Directory.Exists(dir));
    }

    private sealed class MoveAfterClone(ICgroupManager inner) : ICgroupManager
    {
        public IReadOnlyList<string> Create(CgroupPlan plan, Action<IReadOnlyList<string>>? beforeCreate = null) => inner.Create(plan, beforeCreate);

        public bool RemoveIfEmpty(IReadOnlyList<string> directories) => inner.RemoveIfEmpty(directories);

        public void AddProcess(IReadOnlyList<string> directories, int pid) => inner.AddProcess(directories, pid);

        public IDisposable? EnterForClone(IReadOnlyList<string> directories) => null;

        public bool OomKilled(IReadOnlyList<string> directories) => inner.OomKilled(directories);

        public void Destroy(IReadOnlyList<string> directories) => inner.Destroy(directories);
    }

    private sealed class SlowMove(ICgroupManager inner) : ICgroupManager
    {
        public IReadOnlyList<string> Create(CgroupPlan plan, Action<IReadOnlyList<string>>? beforeCreate = null) => inner.Create(plan, beforeCreate);

        public bool RemoveIfEmpty(IReadOnlyList<string> directories) => inner.RemoveIfEmpty(directories);

        public void AddProcess(IReadOnlyList<string> directories, int pid)
        {
            Thread.Sleep(300);
            inner.AddProcess(directories, pid);
        }

        public IDisposable? EnterForClone(IReadOnlyList<string> directories) => null; // the move path, slowed

        public bool OomKilled(IReadOnlyList<string> directories) => inner.OomKilled(directories);

        public void Destroy(IReadOnlyList<string> directories) => inner.Destroy(directories);
    }

    [Fact]
    public void A_plan_that_loads_AppArmor_fails_closed_where_the_profile_cannot_be_loaded()
    {
        // This host has no AppArmor: the real apparmor_parser cannot load, and the container must not start unconfined.
        var plan = (Plan with { AppArmor = new AppArmorPlan("hctr-test", "profile hctr-test {\n  file,\n}\n", Load: true) })
            .WithArgv("/bin/sh", "-c", "echo started");
        var r = HctrBinary.Run(plan);
        Assert.Equal(125, r.ExitCode);
        Assert.DoesNotContain("started", r.Stdout);
        Assert.Contains("apparmor_parser -r -K (profile hctr-test) failed", r.Stderr);
        Assert.False(Directory.Exists("/run/hctr/apparmor/hctr-test") && Directory.EnumerateFiles("/run/hctr/apparmor/hctr-test").Any());
    }

    /// <summary>
    /// Two runs of one plan file at once name the same cgroup. The second must not join the first's cgroup: at its
    /// end it would SIGKILL everything in it, the first container included (this happened: the first died with 137).
    /// </summary>
    [Fact]
    public void A_second_run_of_a_plan_whose_cgroup_is_in_use_is_refused_and_the_first_runs_on()
    {
        // The first container waits on its stdin, which HctrBinary closes when the callback returns.
        var plan = Plan.WithArgv("/bin/sh", "-c", "read line; echo first done");
        string cgroupDir = Path.Combine("/sys/fs/cgroup/pids", plan.Cgroup.Name);
        HctrBinary.Result? second = null;
        bool firstInItsCgroup = false;
        var first = HctrBinary.Run(plan, timeoutMs: 60000, started: p =>
        {
            string self = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!firstInItsCgroup && DateTime.UtcNow < deadline)
            {
                string procs = File.Exists(Path.Combine(cgroupDir, "cgroup.procs")) ? File.ReadAllText(Path.Combine(cgroupDir, "cgroup.procs")) : "";
                firstInItsCgroup = procs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(pid => pid != self);
                Thread.Sleep(firstInItsCgroup ? 0 : 20);
            }

            second = HctrBinary.Run(plan.WithArgv("/bin/true"));
        });

        Assert.True(firstInItsCgroup);
        Assert.NotNull(second);
        Assert.Equal(125, second.ExitCode);
        Assert.Contains($"mkdir {cgroupDir} (the cgroup exists", second.Stderr);
        Assert.Single(second.Stderr.Trim().Split('\n'));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("first done", first.Stdout);
        Assert.False(Directory.Exists(cgroupDir));
    }

    [Fact]
    public void Term_is_forwarded_to_the_container_init()
    {
        var plan = (Plan with { Process = Plan.Process with { Init = true } }).WithArgv("/bin/sh", "-c", "echo ready; sleep 30");
        var r = HctrBinary.Run(plan, started: p =>
        {
            Thread.Sleep(1500);
            Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        });
        Assert.Equal(128 + 15, r.ExitCode);
    }

    [Fact]
    public void Sigkill_of_hctr_kills_the_container_and_the_next_run_cleans_up()
    {
        string name = "killed-" + Guid.NewGuid().ToString("N")[..8];
        var plan = Plan.WithArgv("/bin/sh", "-c", "sleep 60");
        string cgroupDir = Path.Combine("/sys/fs/cgroup/pids", plan.Cgroup.Name);
        string stateDir = Path.Combine("/run/hctr", name);
        int initPid = 0;
        HctrBinary.Run(plan, timeoutMs: 20000, extraArgs: ["--name", name], started: p =>
        {
            // The state names the container's init once the clone is done (0 before): wait for that, however
            // slow the machine, then kill hctr.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (initPid <= 0 && DateTime.UtcNow < deadline)
            {
                string statePath = Path.Combine(stateDir, "state");
                string state = File.Exists(statePath) ? File.ReadAllText(statePath) : "";
                string? line = state.Split('\n').FirstOrDefault(l => l.StartsWith("init-pid ", StringComparison.Ordinal));
                if (line is null || !int.TryParse(line[9..], System.Globalization.CultureInfo.InvariantCulture, out initPid) || initPid <= 0)
                {
                    initPid = 0;
                    Thread.Sleep(20);
                }
            }

            p.Kill(); // SIGKILL
        });

        Assert.True(initPid > 0);
        for (int i = 0; i < 500 && Directory.Exists($"/proc/{initPid}"); i++)
        {
            Thread.Sleep(20);
        }

        Assert.False(Directory.Exists($"/proc/{initPid}"), "the container outlived hctr");
        Assert.True(Directory.Exists(stateDir) && Directory.Exists(cgroupDir), "expected leftovers to clean");

        Assert.Equal(0, HctrBinary.Run(Plan).ExitCode);
        Assert.False(Directory.Exists(stateDir));
        Assert.False(Directory.Exists(cgroupDir));
    }
}
