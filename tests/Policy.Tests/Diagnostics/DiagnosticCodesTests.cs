using System.Reflection;
using Hctr.Policy.Diagnostics;
using Xunit;

namespace Hctr.Policy.Tests.Diagnostics;

[Trait("Category", "Unit")]
public class DiagnosticCodesTests
{
    private static IEnumerable<(string Name, string Code)> Codes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = Codes().ToList();
        Assert.All(codes, c => Assert.Matches("^HCTR[0-9]{4}$", c.Code));
        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Every_code_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "errors.md"));
        Assert.All(Codes(), c => Assert.Contains($"| {c.Code} | {c.Name} | ", doc));
    }

    [Fact]
    public void Rendering_is_compiler_like()
    {
        var d = new Diagnostic(Severity.Error, "HCTR1203", "unknown capability 'X'", new SourceLocation("p.yaml", 3, 7), null, "did you mean 'Y'?");
        Assert.Equal("p.yaml:3:7: error HCTR1203: unknown capability 'X' (did you mean 'Y'?)", d.Render());
    }
}
