using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class CgroupStageTests
{
    [Fact]
    public void V2_spellings()
    {
        var cg = CompileOk(Strict(), Request() with { ContainerId = "abc" }).Cgroup;
        Assert.Equal("hctr-abc", cg.Name);
        Assert.Equal(CgroupLayout.V2, cg.Layout);
        Assert.Equal(["cpu", "memory", "pids"], cg.Controllers);
        Assert.Equal(
            ["memory.max=268435456", "memory.swap.max=0", "pids.max=128", "cpu.max=50000 100000", "cpu.weight=100"],
            cg.Settings.Select(s => $"{s.File}={s.Value}"));
        Assert.All(cg.Settings, s => Assert.Equal("", s.Controller));
    }

    [Fact]
    public void V1_spellings_with_shares_and_devices()
    {
        var p = Strict() with { Devices = [new DeviceEntry("/dev/fuse", 'c', 10, 229, "rw", 0x1B6, At(60))] };
        var cg = CompileOk(p, h: HostWith(cgroups: CgroupLayout.V1)).Cgroup;
        var lines = cg.Settings.Select(s => $"{s.Controller}/{s.File}={s.Value}").ToList();
        Assert.Contains("memory/memory.limit_in_bytes=268435456", lines);
        Assert.Contains("pids/pids.max=128", lines);
        Assert.Contains("cpu/cpu.cfs_quota_us=50000", lines);
        Assert.Contains("cpu/cpu.cfs_period_us=100000", lines);
        Assert.Contains("cpu/cpu.shares=2597", lines);
        var devices = lines.Where(l => l.StartsWith("devices/", StringComparison.Ordinal)).ToList();
        Assert.Equal("devices/devices.deny=a", devices[0]);
        Assert.Contains("devices/devices.allow=c 1:3 rwm", devices);
        Assert.Equal("devices/devices.allow=c 10:229 rw", devices[^1]);
        Assert.Equal(["cpu", "devices", "memory", "pids"], cg.Controllers);
    }

    [Theory]
    [InlineData(1UL, 2UL)]
    [InlineData(100UL, 2597UL)]
    [InlineData(10000UL, 262144UL)]
    public void Weight_to_shares_matches_runc(ulong weight, ulong shares) => Assert.Equal(shares, CpuMath.WeightToShares(weight));

    [Fact]
    public void Quota_without_period_uses_the_default_period()
    {
        var p = Strict() with { Resources = new ResourceProfile(L<ulong?>(null), L<long?>(null), new CpuProfile(20_000, null, null, At(13))) };
        Assert.Equal(["cpu.max=20000 100000"], CompileOk(p).Cgroup.Settings.Select(s => $"{s.File}={s.Value}"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Unsafe_container_id_is_refused(string id)
    {
        Assert.Contains(DiagnosticCodes.BadLaunchRequest, Run(Strict(), Request() with { ContainerId = id }).Codes(Severity.Error));
    }

    /// <summary>The init stage (main and finalizer threads, and the reaper with --init) lives in the container's cgroup
    /// before the workload: a smaller pids limit is refused at its line, not left to fail a start now and then.</summary>
    [Theory]
    [InlineData(1L, false, true)]
    [InlineData(2L, false, false)]
    [InlineData(2L, true, true)]
    [InlineData(3L, true, false)]
    public void A_pids_limit_below_the_init_stage_is_refused_at_its_line(long pids, bool init, bool refused)
    {
        var p = Strict() with { Resources = Strict().Resources with { PidsMax = L<long?>(pids, 12) } };
        var result = Run(p, Request() with { Init = init });
        Assert.Equal(refused, result.Codes(Severity.Error).Contains(DiagnosticCodes.PidsTooLow));
        if (refused)
        {
            Assert.Equal(At(12), result.Diagnostics.Single(d => d.Code == DiagnosticCodes.PidsTooLow).Location);
        }
    }
}
