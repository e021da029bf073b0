using System.Runtime.InteropServices;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Tests.Init;

/// <summary>Each plan setting observed from inside a real container started by the built hctr.</summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "Kernel")]
public sealed class InitStageTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>
{
    private const int EPERM = 1, ENOTSUP = 95;

    private LaunchPlan Plan => TestPlans.Default(rootfs.Path, "/bin/true");

    [Fact]
    public void Runs_as_mapped_root_with_its_own_hostname()
    {
        var r = Sh(Plan, "id; hostname; cat /proc/self/uid_map /proc/self/gid_map");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("uid=0(root) gid=0(root)", r.Stdout);
        Assert.Contains("testhost", r.Stdout);
        Assert.Matches(@"0\s+100000\s+65536", r.Stdout);
    }

    [Fact]
    public void Capability_sets_ids_and_no_new_privs_are_the_plans()
    {
        var plan = Plan with
        {
            Capabilities = new CapabilityPlan(TestPlans.Mask(0, 1, 10), TestPlans.Mask(10), TestPlans.Mask(10), TestPlans.Mask(10), TestPlans.Mask(10), [], TestPlans.At(50)),
            Process = Plan.Process with { Uid = 1000, Gid = 1000, AdditionalGids = [20] },
        };
        var r = Sh(plan, "grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs)' /proc/self/status; id");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("CapBnd:\t0000000000000403", r.Stdout);
        Assert.Contains("CapInh:\t0000000000000400", r.Stdout);
        Assert.Contains("CapPrm:\t0000000000000400", r.Stdout);
        Assert.Contains("CapEff:\t0000000000000400", r.Stdout);
        Assert.Contains("CapAmb:\t0000000000000400", r.Stdout);
        Assert.Contains("NoNewPrivs:\t1", r.Stdout);
        Assert.Contains("uid=1000 gid=1000 groups=20", r.Stdout);
    }

    [Fact]
    public void Mount_fails_without_cap_sys_admin()
    {
        var r = Sh(Plan, "mount -t tmpfs none /tmp && echo mounted");
        Assert.DoesNotContain("mounted", r.Stdout);
        Assert.Contains("denied", r.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Seccomp_denied_syscall_fails_with_the_plans_errno()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return; // the hand-assembled filter checks AUDIT_ARCH_X86_64
        }

        var plan = Plan with { Seccomp = new SeccompPlan(TestBpf.DenyWithErrno(ENOTSUP, 83, 258), 8, 0, false, TestPlans.At(60)) };
        var r = Sh(plan, "grep Seccomp: /proc/self/status; mkdir /tmp/x; echo rc=$?; touch /tmp/y && echo touched");
        Assert.Contains("Seccomp:\t2", r.Stdout);
        Assert.Contains("not supported", r.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("touched", r.Stdout);
    }

    [Fact]
    public void Landlock_denies_paths_and_ports_outside_the_rules()
    {
        const ulong Execute = 1, WriteFile = 2, ReadFile = 4, ReadDir = 8, MakeReg = 1 << 8;
        var landlock = new LandlockPlan(
            Abi: 7,
            HandledAccessFs: Execute | WriteFile | ReadFile | ReadDir | MakeReg,
            HandledAccessNet: 1 /* BIND_TCP */,
            Scoped: 0,
            PathRules:
            [
                new LandlockPathRule("/", Execute | ReadFile | ReadDir, TestPlans.At(70)),
                new LandlockPathRule("/tmp", WriteFile | ReadFile | ReadDir | MakeReg, TestPlans.At(71)),
                new LandlockPathRule("/dev/null", ReadFile | WriteFile | ReadDir, TestPlans.At(72)), // ReadDir masked off: a file
                new LandlockPathRule("/does/not/exist", ReadFile, TestPlans.At(73)),
            ],
            NetRules: [new LandlockNetRule(8080, 1, TestPlans.At(74))]);
        var r = Sh(Plan with { Landlock = landlock }, "cat /etc/passwd >/dev/null && echo read-ok; touch /tmp/ok && echo tmp-ok; touch /root/no; nc -l -p 9090 127.0.0.1");
        Assert.True(r.Stdout.Contains("read-ok") && r.Stdout.Contains("tmp-ok"), r.Stdout + r.Stderr);
        Assert.Contains("touch: /root/no: Permission denied", r.Stderr);
        Assert.Contains("Permission denied", r.Stderr.Split('\n').Single(l => l.StartsWith("nc", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_only_rootfs_refuses_writes()
    {
        var r = Sh(Plan with { Rootfs = Plan.Rootfs with { ReadOnly = true } }, "touch /x; touch /dev/shm/ok && echo shm-ok");
        Assert.Contains("Read-only file system", r.Stderr);
        Assert.Contains("shm-ok", r.Stdout);
    }

    [Fact]
    public void Masked_paths_are_empty_and_read_only_paths_refuse_writes()
    {
        var r = Sh(Plan, "wc -c < /proc/timer_list; ls /sys/firmware | wc -l; echo 1 > /proc/sys/kernel/ns_last_pid; echo rc=$?");
        string[] lines = r.Stdout.Split('\n');
        Assert.Equal("0", lines[0].Trim());
        Assert.Equal("0", lines[1].Trim());
        Assert.Contains("Read-only file system", r.Stderr);
    }

    [Fact]
    public void Pids_limit_stops_a_fork_bomb()
    {
        var plan = Plan with { Cgroup = Plan.Cgroup with { Settings = [new CgroupSetting("pids", "pids.max", "8", TestPlans.At(40))] } };
        var r = Sh(plan, "i=0; while [ $i -lt 20 ]; do sleep 5 & i=$((i+1)); done; echo spawned");
        Assert.Contains("can't fork", r.Stderr);
    }

    [Fact]
    public void Memory_limit_gets_the_workload_oom_killed_and_reported()
    {
        if (!Directory.Exists("/sys/fs/cgroup/memory"))
        {
            return; // v1 memory hierarchy only; the v2 writer is tested on a scratch tree
        }

        var plan = Plan with
        {
            Cgroup = Plan.Cgroup with
            {
                Controllers = ["pids", "memory"],
                Settings = [new CgroupSetting("memory", "memory.limit_in_bytes", "33554432", TestPlans.At(41)), new CgroupSetting("memory", "memory.memsw.limit_in_bytes", "33554432", TestPlans.At(42))],
            },
        };
        var r = HctrBinary.Run(plan.WithArgv("/bin/dd", "if=/dev/zero", "of=/dev/null", "bs=128M", "count=1"));
        Assert.Equal(128 + 9, r.ExitCode);
        Assert.Contains("OOM killer", r.Stderr);
    }

    [Fact]
    public void Rlimits_sysctls_and_loopback_are_applied()
    {
        var plan = Plan with
        {
            Rlimits = [new RlimitStep("RLIMIT_NOFILE", 7, 123, 456, TestPlans.At(80))],
            Sysctls = [new SysctlStep("net.ipv4.ip_unprivileged_port_start", "80", TestPlans.At(82)), new SysctlStep("net.ipv4.ping_group_range", "0 1000", TestPlans.At(83))],
        };
        var r = Sh(plan, "ulimit -n; ulimit -H -n; cat /sys/class/net/lo/operstate /sys/class/net/lo/flags /proc/sys/net/ipv4/ip_unprivileged_port_start /proc/sys/net/ipv4/ping_group_range");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("123\n456\n", r.Stdout);
        Assert.Contains("0x9", r.Stdout); // IFF_UP | IFF_LOOPBACK
        Assert.Matches(@"\n80\n0\s+1000\n", r.Stdout); // sysctls written before /proc/sys became read-only
    }

    [Fact]
    public void Exit_codes_pass_through_including_signals()
    {
        Assert.Equal(42, Sh(Plan, "exit 42").ExitCode);
        var init = Plan with { Process = Plan.Process with { Init = true } };
        Assert.Equal(128 + 9, Sh(init, "kill -KILL $$").ExitCode);
        Assert.Equal(128 + 15, Sh(init, "kill -TERM $$").ExitCode);
    }

    [Fact]
    public void Missing_and_unexecutable_commands_exit_127_and_126_with_one_line()
    {
        var missing = HctrBinary.Run(Plan.WithArgv("/bin/nope"));
        Assert.Equal(127, missing.ExitCode);
        Assert.Contains("execve /bin/nope: ENOENT (step exec)", missing.Stderr);
        Assert.Equal(127, HctrBinary.Run(Plan.WithArgv("nope-in-path")).ExitCode);
        var notExec = HctrBinary.Run(Plan.WithArgv("/etc/passwd"));
        Assert.Equal(126, notExec.ExitCode);
    }

    [Fact]
    public void Failed_step_is_reported_with_its_profile_line()
    {
        var plan = Plan with { Mounts = [.. Plan.Mounts, new MountStep("none", "/data", "no-such-fs", 0, "", MountTargetKind.Directory, new("web-strict.yaml", 22, 5))] };
        var r = HctrBinary.Run(plan);
        Assert.Equal(125, r.ExitCode);
        Assert.Contains("hctr: web-strict.yaml:22: mount /data: ENODEV (step mounts)", r.Stderr);
    }

    [Fact]
    public void Invalid_seccomp_program_fails_closed_with_its_origin()
    {
        string onlyLoad = Convert.ToBase64String([0x20, 0, 0, 0, 4, 0, 0, 0]); // ld [4] with no return: rejected by the kernel
        var r = HctrBinary.Run(Plan with { Seccomp = new SeccompPlan(onlyLoad, 1, 0, false, TestPlans.At(60)) });
        Assert.Equal(125, r.ExitCode);
        Assert.Contains("test.yaml:60: seccomp SECCOMP_SET_MODE_FILTER: EINVAL (step seccomp)", r.Stderr);

        var garbage = HctrBinary.Run(Plan with { Seccomp = new SeccompPlan("not base64!", 1, 0, false, TestPlans.At(60)) });
        Assert.Equal(125, garbage.ExitCode);
        Assert.Contains("(step init)", garbage.Stderr);
    }

    [Fact]
    public void Stdin_is_piped_through()
    {
        var r = HctrBinary.Run(Plan.WithArgv("/bin/cat"), stdin: "hello from the host\n");
        Assert.Equal("hello from the host\n", r.Stdout);
    }

    private static HctrBinary.Result Sh(LaunchPlan plan, string script, string? stdin = null) =>
        HctrBinary.Run(plan.WithArgv("/bin/sh", "-c", script), stdin);
}
