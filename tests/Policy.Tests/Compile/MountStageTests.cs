using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class MountStageTests
{
    [Fact]
    public void Defaults_come_first_in_runc_order()
    {
        var m = CompileOk(Strict()).Mounts;
        Assert.Equal(["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup"], m.Take(7).Select(s => s.Target));
        Assert.Equal(2UL | 8 | 4, m[0].Flags);
        Assert.Equal("proc", m[0].FsType);
        Assert.Equal("mode=1777,size=65536k", m[3].Data);
        Assert.Equal(1UL | 2 | 4 | 8, m[5].Flags);
        Assert.Equal("sysfs", m[5].FsType);
    }

    [Fact]
    public void Device_nodes_are_file_bind_mounts()
    {
        var devs = CompileOk(Strict()).Mounts.Where(s => s.TargetKind == MountTargetKind.File).ToList();
        Assert.Equal(["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty"], devs.Select(d => d.Target));
        Assert.All(devs, d => Assert.Equal(4096UL, d.Flags & 4096));
        Assert.All(devs, d => Assert.Equal(d.Target, d.Source));
    }

    [Fact]
    public void Profile_devices_are_added()
    {
        var p = Strict() with { Devices = [new DeviceEntry("/dev/fuse", 'c', 10, 229, "rw", 0x1B6, At(60))] };
        Assert.Contains(CompileOk(p).Mounts, s => s.Target == "/dev/fuse" && s.TargetKind == MountTargetKind.File && s.Origin == At(60));
    }

    [Fact]
    public void Devpts_gid5_only_when_mapped()
    {
        Assert.EndsWith(",gid=5", CompileOk(Strict()).Mounts[2].Data);
        var p = Strict().WithUserns(UserNamespaceMode.Map, maps: [new IdMapping(0, 300000, 1, At(3))]);
        Assert.Equal("newinstance,ptmxmode=0666,mode=0620", CompileOk(p).Mounts[2].Data);
    }

    [Fact]
    public void Sys_is_a_readonly_rbind_in_a_userns_without_netns()
    {
        var plan = CompileOk(Strict().WithModes(NetworkMode.Host));
        var sys = plan.Mounts.Single(s => s.Target == "/sys");
        Assert.Equal("/sys", sys.Source);
        Assert.Equal(4096UL | 16384 | 1, sys.Flags & (4096UL | 16384 | 1));
        Assert.DoesNotContain(plan.Mounts, s => s.Target == "/sys/fs/cgroup");
    }

    [Fact]
    public void Cgroup_v1_host_gets_no_cgroup2_mount()
    {
        Assert.DoesNotContain(CompileOk(Strict(), h: HostWith(cgroups: CgroupLayout.V1)).Mounts, s => s.FsType == "cgroup2");
    }

    [Fact]
    public void Profile_tmpfs_has_mode_size_and_options()
    {
        var tmp = CompileOk(Strict()).Mounts.Single(s => s.Target == "/tmp");
        Assert.Equal("tmpfs", tmp.FsType);
        Assert.Equal("mode=1777,size=67108864", tmp.Data);
        Assert.Equal(2UL | 4, tmp.Flags);
        Assert.Equal(At(9), tmp.Origin);
    }

    [Fact]
    public void Tmpfs_and_volumes_are_ordered_parent_first()
    {
        var p = Strict().WithVolumes(new VolumeRule("/tmp/x/data", [VolumeMode.ReadOnly], At(70)));
        p = p with { Filesystem = p.Filesystem with { Tmpfs = [.. p.Filesystem.Tmpfs, new TmpfsMount("/tmp/x", null, 0x1ED, [], At(71))] } };
        var r = Request() with { Volumes = [new VolumeRequest("/srv/data", "/tmp/x/data", VolumeMode.ReadOnly)] };
        var targets = CompileOk(p, r).Mounts.Select(s => s.Target).ToList();
        Assert.True(targets.IndexOf("/tmp") < targets.IndexOf("/tmp/x"));
        Assert.True(targets.IndexOf("/tmp/x") < targets.IndexOf("/tmp/x/data"));
    }
}
