using Hctr.Policy.Diagnostics;
using Hctr.Policy.Landlock;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class LandlockStageTests
{
    private static SecurityProfile Web() =>
        Strict().WithModes(NetworkMode.Bridge)
            .WithAccess(("/", Model.FileAccess.Read | Model.FileAccess.Execute), ("/var/www", Model.FileAccess.Read), ("/var/log/app", Model.FileAccess.Write))
            .WithTcp([Ports(80, 80), Ports(443, 443)], [Ports(5432, 5432), Ports(443, 443)]);

    [Theory]
    [InlineData(1, 0x1FFFUL, 0UL, 0UL, 0U)]
    [InlineData(3, 0x7FFFUL, 0UL, 0UL, 0U)]
    [InlineData(4, 0x7FFFUL, 3UL, 0UL, 0U)]
    [InlineData(6, 0xFFFFUL, 3UL, 3UL, 0U)]
    [InlineData(7, 0xFFFFUL, 3UL, 3UL, 2U)]
    public void Handled_rights_follow_the_host_abi(int abi, ulong fs, ulong net, ulong scoped, uint flags)
    {
        var ll = CompileOk(Web(), h: HostWith(landlockAbi: abi)).Landlock!;
        Assert.Equal(abi, ll.Abi);
        Assert.Equal(fs, ll.HandledAccessFs);
        Assert.Equal(net, ll.HandledAccessNet);
        Assert.Equal(scoped, ll.Scoped);
        Assert.Equal(flags, ll.RestrictSelfFlags);
        Assert.All(ll.PathRules, r => Assert.Equal(0UL, r.Access & ~fs));
    }

    [Fact]
    public void Path_rules_map_access_and_add_implied_writable_paths()
    {
        var ll = CompileOk(Web(), h: HostWith(landlockAbi: 6)).Landlock!;
        var rules = ll.PathRules.ToDictionary(r => r.Path, r => r.Access);
        Assert.Equal(1UL | 4 | 8, rules["/"]);
        Assert.Equal(4UL | 8, rules["/var/www"]);
        Assert.Equal(LandlockAccess.ForAccess(Model.FileAccess.Write, 0xFFFF), rules["/var/log/app"]);
        var rw = LandlockAccess.ForAccess(Model.FileAccess.Read | Model.FileAccess.Write, 0xFFFF);
        Assert.Equal(rw, rules["/tmp"]);
        Assert.Equal(rw, rules["/dev/shm"]);
        Assert.Equal(rw, rules["/dev/pts"]);
        Assert.Equal(rw & LandlockAccess.FsFileRights, rules["/dev/null"]);
        Assert.DoesNotContain("/dev", rules.Keys);
        Assert.DoesNotContain("/proc", rules.Keys);
        Assert.Equal(rules.Keys.Order(StringComparer.Ordinal), rules.Keys);
    }

    [Fact]
    public void Volumes_get_implied_rights_by_mode()
    {
        var p = Web().WithVolumes(new VolumeRule("/data", [VolumeMode.ReadWrite], At(70)), new VolumeRule("/conf", [VolumeMode.ReadOnly], At(71)));
        var r = Request() with { Network = NetworkMode.Bridge, Volumes = [new VolumeRequest("/srv/d", "/data", VolumeMode.ReadWrite), new VolumeRequest("/srv/c", "/conf", VolumeMode.ReadOnly)] };
        var rules = CompileOk(p, r).Landlock!.PathRules.ToDictionary(x => x.Path, x => x.Access);
        Assert.Equal(LandlockAccess.ForAccess(Model.FileAccess.Read | Model.FileAccess.Write, 0xFFFF), rules["/data"]);
        Assert.Equal(4UL | 8, rules["/conf"]);
    }

    [Fact]
    public void Net_rules_one_per_port_merged()
    {
        var ll = CompileOk(Web(), h: HostWith(landlockAbi: 4)).Landlock!;
        Assert.Equal(["80:1", "443:3", "5432:2"], ll.NetRules.Select(r => $"{r.Port}:{r.Access}"));
    }

    [Fact]
    public void Ranges_covering_every_port_leave_the_right_unhandled()
    {
        var p = Web().WithTcp([Ports(80, 80)], [Ports(0, 1000), Ports(900, 65535)]);
        var ll = CompileOk(p, h: HostWith(landlockAbi: 4)).Landlock!;
        Assert.Equal(1UL, ll.HandledAccessNet);
        Assert.All(ll.NetRules, r => Assert.Equal(1UL, r.Access));
    }

    [Fact]
    public void No_landlock_on_the_host_is_a_warning_never_silent()
    {
        var r = Run(Web(), h: HostWith(landlockAbi: 0));
        Assert.NotNull(r.Plan);
        Assert.Null(r.Plan!.Landlock);
        Assert.Contains(DiagnosticCodes.LandlockDegraded, r.Codes(Severity.Warning));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Tcp_rules_below_abi4_warn(int abi)
    {
        var r = Run(Web(), h: HostWith(landlockAbi: abi));
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.LandlockDegraded && d.Severity == Severity.Warning && d.FieldPath == "spec.network");
        Assert.Equal(0UL, r.Plan!.Landlock!.HandledAccessNet);
    }

    [Fact]
    public void No_access_rules_means_fs_not_handled()
    {
        var ll = CompileOk(Strict(), h: HostWith(landlockAbi: 6)).Landlock!;
        Assert.Equal(0UL, ll.HandledAccessFs);
        Assert.Empty(ll.PathRules);
        Assert.Equal(3UL, ll.HandledAccessNet); // network none still denies TCP bind/connect (empty lists deny all)
    }

    [Fact]
    public void Nothing_to_enforce_gives_no_ruleset_without_warning()
    {
        var p = Strict().WithTcp([Ports(0, 65535)], [Ports(0, 65535)]);
        var r = Run(p, h: HostWith(landlockAbi: 3));
        Assert.Null(r.Plan!.Landlock);
        Assert.DoesNotContain(DiagnosticCodes.LandlockDegraded, r.Codes(Severity.Warning));
    }
}
