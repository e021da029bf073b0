using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class RlimitStageTests
{
    [Theory]
    [InlineData("cpu", 0)]
    [InlineData("nproc", 6)]
    [InlineData("nofile", 7)]
    [InlineData("as", 9)]
    [InlineData("rttime", 15)]
    [InlineData("RLIMIT_CORE", 4)]
    public void Names_map_to_rlimit_numbers(string name, int number)
    {
        var p = Strict() with { Rlimits = [new RlimitEntry(name, 1, ulong.MaxValue, At(14))] };
        var step = Assert.Single(CompileOk(p).Rlimits);
        Assert.Equal(number, step.Resource);
        Assert.Equal(ulong.MaxValue, step.Hard);
    }

    [Fact]
    public void Unknown_name_soft_above_hard_and_duplicates_are_errors()
    {
        var p = Strict() with
        {
            Rlimits = [new RlimitEntry("nofiles", 1, 1, At(14)), new RlimitEntry("core", 2, 1, At(15)), new RlimitEntry("nproc", 1, 1, At(16)), new RlimitEntry("nproc", 1, 1, At(17))],
        };
        var r = Run(p);
        Assert.Equal([DiagnosticCodes.UnknownRlimit, DiagnosticCodes.BadRlimit, DiagnosticCodes.BadRlimit], r.Codes(Severity.Error));
    }
}
