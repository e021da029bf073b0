using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using System.Collections.Immutable;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class IdMapStageTests
{
    [Fact]
    public void Auto_maps_the_range_at_the_requested_start()
    {
        var plan = CompileOk(Strict(), Request() with { AutoIdRangeStart = 200000 });
        Assert.Equal([new IdMapEntry(0, 200000, 65536)], plan.IdMaps.Uid);
        Assert.Equal([new IdMapEntry(0, 200000, 65536)], plan.IdMaps.Gid);
        Assert.False(plan.IdMaps.DenySetgroups);
    }

    [Fact]
    public void Auto_at_host_zero_is_host_root()
    {
        var r = Run(Strict(), Request() with { AutoIdRangeStart = 0 });
        Assert.Null(r.Plan);
        Assert.Contains(DiagnosticCodes.HostRootUnsafe, r.Codes(Severity.Error));
    }

    [Fact]
    public void Map_mode_is_used_as_written()
    {
        var plan = CompileOk(Strict().WithUserns(UserNamespaceMode.Map, maps: [new IdMapping(0, 300000, 1000, At(3)), new IdMapping(1000, 400000, 1, At(3))]));
        Assert.Equal([new IdMapEntry(0, 300000, 1000), new IdMapEntry(1000, 400000, 1)], plan.IdMaps.Uid);
    }

    [Fact]
    public void Any_map_reaching_host_root_is_refused_unless_unsafe()
    {
        var maps = new[] { new IdMapping(0, 100000, 10, At(3)), new IdMapping(10, 0, 1, At(4)) }.ToImmutableArray();
        var refused = Run(Strict().WithUserns(UserNamespaceMode.Map, maps: maps));
        Assert.Contains(DiagnosticCodes.HostRootUnsafe, refused.Codes(Severity.Error));
        Assert.NotNull(Run(Strict().WithUserns(UserNamespaceMode.Map, hostRootUnsafe: true, maps: maps)).Plan);
    }

    [Fact]
    public void Unmapped_request_uid_is_an_error()
    {
        var r = Run(Strict().WithUserns(UserNamespaceMode.Map, maps: [new IdMapping(0, 300000, 10, At(3))]), Request(uid: 1000));
        Assert.Contains(DiagnosticCodes.BadLaunchRequest, r.Codes(Severity.Error));
    }

    [Fact]
    public void Map_mode_without_maps_is_an_error()
    {
        Assert.Contains(DiagnosticCodes.BadIdMap, Run(Strict().WithUserns(UserNamespaceMode.Map)).Codes(Severity.Error));
    }
}
