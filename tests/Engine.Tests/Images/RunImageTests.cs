using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Hctr.Engine.Tests.Images;

/// <summary>
/// <c>hctr run --profile P IMAGE [CMD...]</c> end to end with the built binary: signed images pulled through the
/// trust policy, their config applied, an idmapped overlay rootfs that leaves nothing behind, and refusals that
/// fetch nothing.
/// </summary>
[Trait("Category", "E2E")]
public sealed class RunImageTests(RunImageFixture fixture, ITestOutputHelper output) : IClassFixture<RunImageFixture>, IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("hctr-run-store-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private HctrCli.Result Run(string profile, params string[] rest) => Run(profile, [], rest);

    private HctrCli.Result Run(string profile, string[] options, string[] rest, Action<Process>? started = null)
    {
        var r = HctrCli.Run(["run", "--profile", RunImageFixture.Profile(profile), "--policy", fixture.PolicyPath, "--root", _store, .. options, .. rest],
            started: started);
        output.WriteLine($"exit {r.ExitCode}\n--- stdout\n{r.Stdout}--- stderr\n{r.Stderr}");
        return r;
    }

    private bool Skip()
    {
        if (HctrCli.Path is not null) return false;
        output.WriteLine("SKIPPED IN EFFECT: no built hctr with `run IMAGE` (run scripts/setup.sh --no-demo)");
        return true;
    }

    private static string Mountinfo() => File.ReadAllText("/proc/self/mountinfo");

    [Fact]
    public void Signed_image_is_pulled_and_runs_with_its_config_under_an_allowed_profile()
    {
        if (Skip()) return;
        var r = Run("default", fixture.Ref("app"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("uid=1000 gid=50 cwd=/srv greeting=from-image home=/home/app", r.Stdout);
        Assert.Contains("from a zstd layer", r.Stdout); // the zstd layer sits above the base layer's /etc/motd
        Assert.Contains("exposes 8080/tcp", r.Stderr);
        Assert.True(fixture.Registry.BlobRequests("e2e/app") >= 3, "config and both layers came from the registry");

        // Already in the store: trust is asked again (with the profile) and the overrides apply.
        var o = Run("default", ["-e", "GREETING=from-flag", "-w", "/tmp", "-u", "0"], [fixture.Ref("app")]);
        Assert.Equal(0, o.ExitCode);
        Assert.Contains("uid=0 gid=0 cwd=/tmp greeting=from-flag home=/root", o.Stdout);
    }

    [Fact]
    public void Entrypoint_and_cmd_compose_and_a_command_replaces_cmd_only()
    {
        if (Skip()) return;
        var r = Run("default", fixture.Ref("echo"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("entry from-cmd\n", r.Stdout);
        var o = Run("default", fixture.Ref("echo"), "replaced", "-n");
        Assert.Equal(0, o.ExitCode);
        Assert.Equal("entry replaced -n\n", o.Stdout);
    }

    [Fact]
    public void Entrypoint_flag_replaces_entrypoint_and_cmd()
    {
        if (Skip()) return;
        var r = Run("default", ["--entrypoint", "/bin/echo"], [fixture.Ref("echo"), "only", "these"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("only these\n", r.Stdout);
        var none = Run("default", ["--entrypoint", ""], [fixture.Ref("echo")]);
        Assert.Equal(125, none.ExitCode);
        Assert.Contains("--entrypoint \"\" leaves no program", none.Stderr);
    }

    [Fact]
    public void Image_root_files_are_root_inside_and_writes_go_to_the_upper_dir_and_vanish()
    {
        if (Skip()) return;
        string name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        string dir = Path.Combine("/run/hctr", name);
        string? seenUpper = null;
        string? seenMount = null;
        var r = Run("default", ["--name", name, "-u", "0"],
            [fixture.Ref("app"), "/bin/sh", "-c", "stat -c '%u:%g %n' /bin/busybox /etc/passwd; echo changed > /etc/motd; echo new > /srv/new; sleep 3"],
            started: _ =>
            {
                for (int i = 0; i < 600 && seenUpper is null; i++)
                {
                    Thread.Sleep(100);
                    if (File.Exists(Path.Combine(dir, "upper/srv/new"))) seenUpper = File.ReadAllText(Path.Combine(dir, "upper/etc/motd"));
                }
                seenMount = Mountinfo().Split('\n').FirstOrDefault(l => l.Contains($" {dir}/rootfs ", StringComparison.Ordinal));
            });
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0:0 /bin/busybox", r.Stdout);
        Assert.Contains("0:0 /etc/passwd", r.Stdout);
        Assert.Equal("changed\n", seenUpper);
        Assert.NotNull(seenMount);
        Assert.Contains(" - overlay ", seenMount);
        Assert.False(Directory.Exists(dir), "the container directory (upper, work, rootfs) is removed");
        Assert.DoesNotContain(dir, Mountinfo());
        var again = Run("default", fixture.Ref("app"), "/bin/cat", "/etc/motd");
        Assert.Equal("from a zstd layer\n", again.Stdout);
    }

    [Fact]
    public void Vfs_copy_rootfs_is_shifted_into_the_container_range_and_removed()
    {
        if (Skip()) return;
        string name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        var r = Run("default", ["--name", name, "--storage-driver", "vfs", "-u", "0"],
            [fixture.Ref("app"), "/bin/sh", "-c", "stat -c '%u:%g' /bin/busybox; touch /etc/x && echo wrote"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0:0\nwrote\n", r.Stdout);
        Assert.False(Directory.Exists(Path.Combine("/run/hctr", name)));
        Assert.DoesNotContain($"/run/hctr/{name}", Mountinfo());
    }

    [Fact]
    public void Profile_not_granted_by_the_trust_policy_is_refused_before_any_blob_request()
    {
        if (Skip()) return;
        int before = fixture.Registry.BlobRequests("e2e/denied");
        var r = Run("default", fixture.Ref("denied"));
        Assert.Equal(125, r.ExitCode);
        Assert.Contains("ProfileNotAllowed", r.Stderr);
        Assert.Contains("may not run under profile 'default' (allowed: web-strict)", r.Stderr);
        Assert.Equal(before, fixture.Registry.BlobRequests("e2e/denied"));
        Assert.False(Directory.Exists(Path.Combine(_store, "images", "blobs")), "nothing was fetched into the store");
    }

    [Fact]
    public void Image_in_the_store_is_checked_again_against_the_profile_at_run()
    {
        if (Skip()) return;
        var pull = HctrCli.Run(["pull", "--quiet", "--policy", fixture.PolicyPath, "--root", _store, fixture.Ref("app")]);
        Assert.Equal(0, pull.ExitCode);
        var r = Run("web-strict", fixture.Ref("app"), "/bin/true");
        Assert.Equal(125, r.ExitCode);
        Assert.Contains("may not run under profile 'web-strict'", r.Stderr);
    }

    [Fact]
    public void Sigkilled_run_leaves_a_mount_that_the_next_run_removes()
    {
        if (Skip()) return;
        var (dir, leftover) = RunAndSigkillOnceMounted();
        Assert.True(leftover || !Directory.Exists(dir), "a leftover mount is never removed without its directory");
        var next = Run("default", fixture.Ref("echo"));
        Assert.Equal(0, next.ExitCode);
        Assert.DoesNotContain(dir, Mountinfo());
        Assert.False(Directory.Exists(dir));
        Assert.Empty(CgroupDirectories(Path.GetFileName(dir)));
    }

    /// <summary>The cgroup directories named for container <paramref name="name"/> (hctr-NAME) that exist, in every
    /// hierarchy this process (and so the hctr it starts) belongs to. The kill above lands right after the mount,
    /// which is when the run creates its cgroups: it left them behind before runs recorded them before the mkdir.</summary>
    private static List<string> CgroupDirectories(string name)
    {
        var found = new List<string>();
        foreach (string line in File.ReadAllLines("/proc/self/cgroup"))
        {
            string[] f = line.Split(':', 3);
            if (f.Length != 3)
            {
                continue;
            }

            foreach (string controller in f[1].Length == 0 ? ["unified"] : f[1].Split(','))
            {
                string hierarchy = controller.StartsWith("name=", StringComparison.Ordinal) ? controller[5..] : controller;
                string candidate = Path.Combine("/sys/fs/cgroup", hierarchy, f[2].TrimStart('/'), "hctr-" + name);
                if (Directory.Exists(candidate))
                {
                    found.Add(candidate);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Runs the "app" image under a fresh name and SIGKILLs hctr once the overlay is mounted. Returns the container's
    /// state directory and whether its overlay is still mounted: it is, unless another test's hctr (other
    /// assemblies run in parallel) already cleaned the leftover up.
    /// </summary>
    private (string Dir, bool Leftover) RunAndSigkillOnceMounted()
    {
        string name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        string dir = Path.Combine("/run/hctr", name);
        var r = Run("default", ["--name", name], [fixture.Ref("app"), "/bin/sleep", "60"], started: p =>
        {
            WaitUntilMounted(dir);
            p.Kill(); // SIGKILL
        });
        Assert.Equal(137, r.ExitCode);
        bool leftover = Mountinfo().Contains($" {dir}/rootfs ", StringComparison.Ordinal);
        output.WriteLine(leftover ? "the killed run left its overlay mounted" : "another hctr cleaned the leftover first");
        return (dir, leftover);
    }

    /// <summary>Waits (up to a minute) until the container's image rootfs is mounted at <c>DIR/rootfs</c>.</summary>
    private static void WaitUntilMounted(string dir)
    {
        for (int i = 0; i < 600 && !Mountinfo().Contains($" {dir}/rootfs ", StringComparison.Ordinal); i++) Thread.Sleep(100);
    }

    /// <summary>A SIGKILLed run leaves its overlay mounted on its layers (its use locks died with it): gc removes
    /// that leftover first, then the layers are free to go, never while still mounted.</summary>
    [Fact]
    public void Gc_after_a_sigkilled_run_unmounts_its_leftover_before_collecting()
    {
        if (Skip()) return;
        var (dir, leftover) = RunAndSigkillOnceMounted();
        Assert.Equal(0, HctrCli.Run(["rmi", "--root", _store, fixture.Ref("app")]).ExitCode);
        var gc = HctrCli.Run(["system", "gc", "--root", _store]);
        output.WriteLine($"gc: {gc.ExitCode} {gc.Stdout}{gc.Stderr}");
        Assert.Equal(0, gc.ExitCode);
        if (leftover)
        {
            Assert.Contains("cleaned up after 1 containers whose hctr died", gc.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($" {dir}/rootfs ", Mountinfo());
        Assert.False(Directory.Exists(dir));
        Assert.Empty(CgroupDirectories(Path.GetFileName(dir)));
        Assert.Matches(@"removed \d+ blobs, [1-9]\d* layers", gc.Stdout);
        Assert.DoesNotContain("kept", gc.Stdout);
    }

    [Fact]
    public void Gc_during_a_run_keeps_the_layers_the_container_uses()
    {
        if (Skip()) return;
        string name = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        string dir = Path.Combine("/run/hctr", name);
        HctrCli.Result? rmi = null, gc = null;
        var r = Run("default", ["--name", name, "--init"], [fixture.Ref("app"), "/bin/sleep", "60"], started: p =>
        {
            WaitUntilMounted(dir);
            rmi = HctrCli.Run(["rmi", "--root", _store, fixture.Ref("app")]);
            gc = HctrCli.Run(["system", "gc", "--root", _store]);
            Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit(); // a clean end: unmounted, locks released
        });
        output.WriteLine($"rmi: {rmi?.ExitCode} {rmi?.Stdout}{rmi?.Stderr}\ngc: {gc?.ExitCode} {gc?.Stdout}{gc?.Stderr}");
        Assert.Equal(0, rmi!.ExitCode);
        Assert.Equal(0, gc!.ExitCode);
        Assert.Matches(@"removed \d+ blobs, 0 layers, \d+ bytes; kept [1-9]\d* unreferenced layers running containers use", gc.Stdout);
        Assert.Equal(143, r.ExitCode);
        Assert.DoesNotContain($" {dir}/rootfs ", Mountinfo());
        var after = HctrCli.Run(["system", "gc", "--root", _store]);
        Assert.Matches(@"removed \d+ blobs, [1-9]\d* layers", after.Stdout);
        Assert.DoesNotContain("kept", after.Stdout);
    }
}
