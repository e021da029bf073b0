using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class VolumeStageTests
{
    private static SecurityProfile WithData() =>
        Strict().WithVolumes(new VolumeRule("/data", [VolumeMode.ReadOnly], At(70)), new VolumeRule("/cache", [VolumeMode.ReadOnly, VolumeMode.ReadWrite], At(71)));

    [Fact]
    public void Allowed_volumes_are_recursive_binds()
    {
        var r = Request() with
        {
            Volumes = [new VolumeRequest("/srv/data", "/data/", VolumeMode.ReadOnly), new VolumeRequest("/srv/cache", "/cache", VolumeMode.ReadWrite)],
        };
        var m = CompileOk(WithData(), r).Mounts;
        var data = m.Single(s => s.Target == "/data");
        Assert.Equal("/srv/data", data.Source);
        Assert.Equal(4096UL | 16384 | 1 | 2 | 4, data.Flags);
        Assert.Equal(At(70), data.Origin);
        Assert.Equal(0UL, m.Single(s => s.Target == "/cache").Flags & 1);
    }

    [Fact]
    public void Volume_at_an_unlisted_target_is_refused()
    {
        var r = Run(WithData(), Request() with { Volumes = [new VolumeRequest("/srv/x", "/etc", VolumeMode.ReadOnly)] });
        Assert.Null(r.Plan);
        Assert.Contains(DiagnosticCodes.RequestNotAllowed, r.Codes(Severity.Error));
    }

    [Fact]
    public void Volume_in_a_mode_not_allowed_is_refused()
    {
        var r = Run(WithData(), Request() with { Volumes = [new VolumeRequest("/srv/data", "/data", VolumeMode.ReadWrite)] });
        Assert.Contains(DiagnosticCodes.RequestNotAllowed, r.Codes(Severity.Error));
    }

    [Theory]
    [InlineData("relative", "/data")]
    [InlineData("/srv", "/data/../etc")]
    [InlineData("/srv", "data")]
    public void Malformed_volume_is_refused(string source, string target)
    {
        var r = Run(WithData(), Request() with { Volumes = [new VolumeRequest(source, target, VolumeMode.ReadOnly)] });
        Assert.Contains(DiagnosticCodes.BadLaunchRequest, r.Codes(Severity.Error));
    }

    [Fact]
    public void Profile_without_volume_rules_refuses_every_volume()
    {
        var r = Run(Strict(), Request() with { Volumes = [new VolumeRequest("/srv", "/data", VolumeMode.ReadOnly)] });
        Assert.Contains(DiagnosticCodes.RequestNotAllowed, r.Codes(Severity.Error));
    }
}
