using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Tests.Security;

/// <summary>The CVE classes issue 3 names, each tried from inside a real container.</summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "Kernel")]
public sealed class RegressionTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>
{
    private LaunchPlan Plan => TestPlans.Default(rootfs.Path, "/bin/true");

    /// <summary>
    /// CVE-2019-5736 class. Without --init the workload replaced hctr's image by execve (its /proc/self/exe is
    /// busybox) and no fd survives. With --init, PID 1 is a fork of hctr that never execs: it is non-dumpable
    /// and its memory belongs to the host user namespace, so /proc/1/exe, /proc/1/fd and /proc/1/cwd are out of
    /// reach even for the container's root, and it holds no fd at all.
    /// </summary>
    [Fact]
    public void Host_binary_is_not_reachable_through_proc()
    {
        var plain = Sh(Plan, "readlink /proc/self/exe; readlink /proc/1/exe");
        Assert.Equal("/bin/busybox\n/bin/busybox\n", plain.Stdout);

        var init = Plan with { Process = Plan.Process with { Init = true } };
        var r = Sh(init, "readlink /proc/1/exe && echo exe-visible; echo x >> /proc/1/exe && echo exe-written; ls /proc/1/fd && echo fd-visible; ls /proc/1/cwd/ && echo cwd-visible; cat /proc/1/environ && echo env-visible; echo pid=$$");
        Assert.DoesNotContain("visible", r.Stdout);
        Assert.DoesNotContain("exe-written", r.Stdout);
        Assert.Contains("pid=2", r.Stdout);
    }

    /// <summary>CVE-2024-21626 class: no fd but stdio and no cwd from the host reach the workload.</summary>
    [Fact]
    public void No_host_fd_or_cwd_leaks_into_the_container()
    {
        var r = Sh(Plan, "ls /proc/self/fd; echo cwd=$(readlink /proc/self/cwd); echo root=$(readlink /proc/self/root); ls /proc/self/cwd/../../../.. | head -3");
        var fds = r.Stdout.Split('\n').TakeWhile(l => !l.StartsWith("cwd=", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        Assert.True(fds.All(f => f is "0" or "1" or "2" or "3"), string.Join(',', fds)); // 3: ls's own directory fd
        Assert.Contains("cwd=/\n", r.Stdout);
        Assert.Contains("root=/\n", r.Stdout);
        Assert.Contains("bin", r.Stdout); // ".." stops at the container's root
    }

    /// <summary>
    /// CVE-2021-30465 class: symlinks in the rootfs pointing at a host path (absolute, or climbing with "..") do
    /// not take a mount target out: both resolve inside the rootfs, and nothing is created or mounted on the host.
    /// A target through a symlink that dangles inside the rootfs fails the launch (fails closed).
    /// </summary>
    [Fact]
    public void Mount_targets_are_resolved_inside_the_rootfs()
    {
        string host = Directory.CreateTempSubdirectory("hctr-escape-").FullName;
        string tag = Guid.NewGuid().ToString("N")[..8];
        try
        {
            File.CreateSymbolicLink(Path.Combine(rootfs.Path, "abs-" + tag), host);
            File.CreateSymbolicLink(Path.Combine(rootfs.Path, "rel-" + tag), "../../../../../../../.." + host);
            Directory.CreateDirectory(Path.Combine(rootfs.Path, host.TrimStart('/')));
            BusyboxRootfs.Chown(Path.Combine(rootfs.Path, host.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]));
            var plan = Plan with
            {
                Mounts =
                [
                    .. Plan.Mounts,
                    new MountStep("tmpfs", $"/abs-{tag}/a", "tmpfs", 0, "", MountTargetKind.Directory, TestPlans.At(90)),
                    new MountStep("tmpfs", $"/rel-{tag}/b", "tmpfs", 0, "", MountTargetKind.Directory, TestPlans.At(91)),
                ],
            };
            var r = Sh(plan, $"grep -c ' {host}/[ab] ' /proc/self/mountinfo");
            Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
            Assert.Equal("2", r.Stdout.Trim());
            Assert.Empty(Directory.GetFileSystemEntries(host));
            Assert.True(Directory.Exists(Path.Combine(rootfs.Path, host.TrimStart('/'), "a")));

            Directory.Delete(Path.Combine(rootfs.Path, host.TrimStart('/')), recursive: true);
            var dangling = HctrBinary.Run(plan);
            Assert.Equal(125, dangling.ExitCode);
            Assert.Contains("test.yaml:90:", dangling.Stderr);
            Assert.Empty(Directory.GetFileSystemEntries(host));
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    /// <summary>CVE-2019-16884 class: masks are applied after /proc is mounted, so the fresh /proc is masked.</summary>
    [Fact]
    public void Masked_proc_paths_hold_nothing()
    {
        var r = Sh(Plan, "cat /proc/keys | wc -c; grep ' /proc/keys ' /proc/self/mountinfo | wc -l");
        Assert.Equal("0\n1\n", r.Stdout);
    }

    /// <summary>The init stage is non-dumpable before exec and the reaper cannot be signalled or traced from inside.</summary>
    [Fact]
    public void Container_cannot_trace_or_kill_its_init()
    {
        var init = Plan with { Process = Plan.Process with { Init = true } };
        var r = Sh(init, "kill -KILL 1; echo still-here; grep -E '^(TracerPid)' /proc/1/status || echo status-hidden");
        Assert.Contains("still-here", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    private static HctrBinary.Result Sh(LaunchPlan plan, string script) =>
        HctrBinary.Run(plan.WithArgv("/bin/sh", "-c", script));
}
