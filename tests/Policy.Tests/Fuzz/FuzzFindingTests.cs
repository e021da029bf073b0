using Hctr.Policy.Diagnostics;
using Hctr.Policy.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Fuzz;

/// <summary>
/// Every crash the fuzz targets in tests/fuzz found, as a unit test named after the bug. The input is
/// the fuzzer's (minimised by hand); the assertion is that it now ends in diagnostics.
/// </summary>
[Trait("Category", "Unit")]
public class FuzzFindingTests
{
    private const string Header = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: t}\n";

    /// <summary>
    /// parser target, corpus/parser/huge-numbers.yaml: a plain scalar like <c>1e400</c> parsed as a
    /// double overflows to infinity, which JSON cannot carry, and schema validation threw ArgumentException.
    /// </summary>
    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.7976931348623159e308")]
    public void Overflowing_float_scalar_is_a_schema_error_not_an_ArgumentException(string number)
    {
        var r = ProfileLoader.LoadText("t.yaml", Header + $"spec:\n  resources:\n    pids: {number}\n");
        Assert.False(r.Succeeded);
        var error = Assert.Single(r.Errors);
        Assert.Equal(new SourceLocation("t.yaml", 6, 11), error.Location);
    }
}
