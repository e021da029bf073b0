using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Tests.Init;

/// <summary>
/// Mount targets the rootfs does not have: created inside it by the init stage (fd-relative, never through a
/// symlink out of it), or, when the plan makes the rootfs read-only or the mapped root may not write there, a
/// located failure that says how to fix it. Observed with the built hctr.
/// </summary>
[Collection(HctrCollection.Name)]
[Trait("Category", "E2E")]
public sealed class MountTargetTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>
{
    private const ulong Bind = 4096, RdOnly = 1;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private LaunchPlan Plan => TestPlans.Default(rootfs.Path, "/bin/true");

    [Fact]
    public void Missing_tmpfs_bind_and_file_targets_are_created_inside_the_rootfs()
    {
        string volume = Directory.CreateTempSubdirectory("hctr-vol-").FullName;
        File.SetUnixFileMode(volume, (UnixFileMode)0x1ed);
        File.WriteAllText(Path.Combine(volume, "hello"), "from-the-volume\n");
        string file = Path.Combine(volume, "single.conf");
        File.WriteAllText(file, "one-file\n");
        try
        {
            var plan = Plan with
            {
                Mounts =
                [
                    .. Plan.Mounts,
                    new MountStep("tmpfs", $"/new-{_tag}/deep/er", "tmpfs", 0, "size=1m", MountTargetKind.Directory, TestPlans.At(90)),
                    new MountStep(volume, $"/vol-{_tag}/data", "", Bind | RdOnly, "", MountTargetKind.Directory, TestPlans.At(91)),
                    new MountStep(file, $"/etc/conf-{_tag}/single.conf", "", Bind, "", MountTargetKind.File, TestPlans.At(92)),
                ],
            };
            var r = HctrBinary.Run(plan.WithArgv("/bin/sh", "-c",
                $"cat /vol-{_tag}/data/hello /etc/conf-{_tag}/single.conf; grep -c ' /new-{_tag}/deep/er ' /proc/self/mountinfo; touch /vol-{_tag}/data/x || echo ro-ok"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(["from-the-volume", "one-file", "1", "ro-ok"], r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            // Created in the rootfs (as runc does), owned by the container's root, and nothing written to the volume.
            Assert.True(Directory.Exists(Path.Combine(rootfs.Path, $"new-{_tag}", "deep", "er")));
            Assert.True(File.Exists(Path.Combine(rootfs.Path, $"etc/conf-{_tag}/single.conf")));
            Assert.Equal(["hello", "single.conf"], Directory.GetFileSystemEntries(volume).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(volume, recursive: true);
            foreach (string d in (string[])[$"new-{_tag}", $"vol-{_tag}", $"etc/conf-{_tag}"])
            {
                if (Directory.Exists(Path.Combine(rootfs.Path, d)))
                {
                    Directory.Delete(Path.Combine(rootfs.Path, d), recursive: true);
                }
            }
        }
    }

    [Fact]
    public void A_read_only_rootfs_is_not_written_and_the_failure_names_the_lines_and_the_fix()
    {
        var plan = Plan with
        {
            Rootfs = Plan.Rootfs with { ReadOnly = true },
            Mounts = [.. Plan.Mounts, new MountStep("tmpfs", $"/missing-{_tag}/x", "tmpfs", 0, "", MountTargetKind.Directory, TestPlans.At(95))],
        };
        var r = HctrBinary.Run(plan.WithArgv("/bin/sh", "-c", "echo started"));
        Assert.Equal(125, r.ExitCode);
        Assert.DoesNotContain("started", r.Stdout);
        Assert.Contains($"test.yaml:95: mkdirat /missing-{_tag}: EROFS (step mounts)", r.Stderr);
        Assert.Contains("the rootfs is read-only at test.yaml:5", r.Stderr);
        Assert.Contains($"create /missing-{_tag}/x in the rootfs ({rootfs.Path}) before the run", r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(rootfs.Path, $"missing-{_tag}")));
    }

    [Fact]
    public void A_read_only_rootfs_still_gets_targets_inside_earlier_mounts()
    {
        // /dev/shm, /dev/mqueue and the device files are created inside the /dev tmpfs, not in the rootfs.
        var plan = Plan with { Rootfs = Plan.Rootfs with { ReadOnly = true } };
        var r = HctrBinary.Run(plan.WithArgv("/bin/sh", "-c", "ls -d /dev/shm /dev/mqueue /dev/null"));
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    [Fact]
    public void A_target_the_mapped_root_may_not_create_names_the_host_uid_and_the_fix()
    {
        string owned = Path.Combine(rootfs.Path, $"host-root-{_tag}");
        Directory.CreateDirectory(owned);
        BusyboxRootfs.Chown(owned, 0);
        File.SetUnixFileMode(owned, (UnixFileMode)0x1ed);
        try
        {
            var plan = Plan with
            {
                Mounts = [.. Plan.Mounts, new MountStep("tmpfs", $"/host-root-{_tag}/x", "tmpfs", 0, "", MountTargetKind.Directory, TestPlans.At(96))],
            };
            var r = HctrBinary.Run(plan);
            Assert.Equal(125, r.ExitCode);
            Assert.Contains($"test.yaml:96: mkdirat /host-root-{_tag}/x: EACCES (step mounts)", r.Stderr);
            Assert.Contains($"host uid {TestPlans.HostIdBase}", r.Stderr);
            Assert.Empty(Directory.GetFileSystemEntries(owned));
        }
        finally
        {
            Directory.Delete(owned, recursive: true);
        }
    }
}
