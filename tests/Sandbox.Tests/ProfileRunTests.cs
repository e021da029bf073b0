using System.Diagnostics;
using Xunit;

namespace Hctr.Sandbox.Tests;

/// <summary>
/// The whole path a user takes: a YAML profile compiled by the built hctr and enforced on a busybox container
/// (<c>hctr run --profile FILE --rootfs DIR -- CMD</c>).
/// </summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ProfileRunTests : IDisposable
{
    private readonly BusyboxRootfs _rootfs = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-profiles-").FullName;

    public ProfileRunTests()
    {
        // An auto user namespace maps container root to a fresh host range, so it cannot create mount targets in
        // this rootfs: the tmpfs targets of the shipped profiles are made here, as an image would have them.
        foreach (var d in (string[])["run", "srv/www", "work"])
        {
            Directory.CreateDirectory(Path.Combine(_rootfs.Path, d));
        }
    }

    public void Dispose()
    {
        _rootfs.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Shipped(string name) => Path.Combine(HctrBinary.RepoRoot, "profiles", name);

    private HctrBinary.Result Run(string profile, string script, params string[] options)
    {
        var psi = new ProcessStartInfo(HctrBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["run", "--profile", profile, "--rootfs", _rootfs.Path, .. options, "--", "/bin/sh", "-c", script])
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(30000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("hctr run did not finish in 30 s");
        }

        return new HctrBinary.Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Web_strict_is_enforced_from_its_yaml()
    {
        var r = Run(Shipped("web-strict.yaml"),
            "grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status; cat /proc/self/uid_map;"
            + " touch /etc/x 2>&1; mount -t tmpfs none /tmp 2>&1; nc -l -p 8080 2>&1; exit 9");
        Assert.Equal(9, r.ExitCode);
        Assert.Contains("CapEff:\t0000000000000400", r.Stdout);
        Assert.Contains("CapBnd:\t0000000000000400", r.Stdout);
        Assert.Contains("NoNewPrivs:\t1", r.Stdout);
        Assert.Contains("Seccomp:\t2", r.Stdout);
        Assert.Contains("Read-only file system", r.Stdout);
        Assert.Contains("nc: bind: Permission denied", r.Stdout);
        var map = r.Stdout.Split('\n').First(l => l.TrimStart().StartsWith('0')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(uint.Parse(map[1]) >= 1_000_000, "auto user namespaces map container root to a private host range");
    }

    [Fact]
    public void A_non_root_user_gets_the_added_capability_through_the_ambient_set()
    {
        var r = Run(Shipped("web-strict.yaml"), "grep CapAmb /proc/self/status; id -u", "-u", "1000");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("CapAmb:\t0000000000000400", r.Stdout);
        Assert.Contains("1000", r.Stdout);
    }

    [Fact]
    public void Landlock_denies_a_path_the_profile_does_not_grant()
    {
        var profile = Path.Combine(_dir, "no-etc.yaml");
        File.WriteAllText(profile, """
            apiVersion: hctr.dev/v1
            kind: SecurityProfile
            metadata: {name: no-etc}
            spec:
              filesystem:
                access:
                  - {path: /bin, allow: [read, execute]}
                  - {path: /proc, allow: [read, write]}
                  - {path: /dev, allow: [read, write]}
                  - {path: /tmp, allow: [read, write]}
            """);
        var r = Run(profile, "cat /bin/busybox > /dev/null && echo bin-ok; cat /etc/passwd 2>&1; echo hi > /tmp/t && cat /tmp/t");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("bin-ok", r.Stdout);
        Assert.Contains("cat: can't open '/etc/passwd': Permission denied", r.Stdout);
        Assert.Contains("hi", r.Stdout);
    }

    [Fact]
    public void A_broken_profile_is_refused_with_located_errors_before_anything_runs()
    {
        var profile = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(profile, "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: b}\nspec:\n  capabilities: {add: [SYS_ADMN]}\n");
        var r = Run(profile, "echo should-not-run");
        Assert.Equal(125, r.ExitCode);
        Assert.DoesNotContain("should-not-run", r.Stdout);
        Assert.Contains("broken.yaml:5:24: error HCTR1203", r.Stderr);
    }

    [Fact]
    public async Task Concurrent_containers_get_different_host_id_ranges()
    {
        var profile = Shipped("batch-nonet.yaml");
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Run(profile, "cat /proc/self/uid_map; sleep 1"))));
        var starts = results.Select(r =>
        {
            Assert.Equal(0, r.ExitCode);
            return r.Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        }).ToList();
        Assert.NotEqual(starts[0], starts[1]);
    }
}
