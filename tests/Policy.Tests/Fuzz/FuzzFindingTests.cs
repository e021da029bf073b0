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

    /// <summary>
    /// Found while speeding up the compiler: an integral value written as a float (<c>1.0</c>, <c>1e2</c>) passed the
    /// schema (JSON Schema counts it as an integer) and the binders' integer parse threw FormatException, a stack
    /// trace from `hctr profile validate`. It is now refused by the schema, at the value, like any non-integer.
    /// </summary>
    [Theory]
    [InlineData("spec:\n  resources:\n    pids: 1.0\n", 6, 11)]
    [InlineData("spec:\n  resources:\n    pids: 1e2\n", 6, 11)]
    [InlineData("spec:\n  userNamespace:\n    size: 65536.0\n", 6, 11)]
    [InlineData("spec:\n  rlimits:\n    nofile: {soft: 1.0e3, hard: 4096}\n", 6, 20)]
    public void Integral_float_in_an_integer_field_is_a_schema_error_not_a_FormatException(string body, int line, int column)
    {
        var r = ProfileLoader.LoadText("t.yaml", Header + body);
        Assert.False(r.Succeeded);
        var error = Assert.Single(r.Errors);
        Assert.Equal(new SourceLocation("t.yaml", line, column), error.Location);
    }

    /// <summary>
    /// parser target, burst seed 20261128 iteration 11: a '[' inside a flow mapping key (<c>{na[me: t}</c>) makes
    /// YamlDotNet's scanner throw InvalidOperationException instead of a YamlException, which escaped the loader.
    /// </summary>
    [Theory]
    [InlineData("metadata: {na[me: t}\nspec: {}\n", 1)]
    [InlineData("spec: {a[: 1}\n", 1)]
    public void Bracket_in_flow_mapping_key_is_a_syntax_error_not_an_InvalidOperationException(string body, int errors)
    {
        var r = ProfileLoader.LoadText("t.yaml", "apiVersion: hctr.dev/v1\nkind: SecurityProfile\n" + body);
        Assert.False(r.Succeeded);
        Assert.Equal(errors, r.Errors.Count());
        Assert.Equal(DiagnosticCodes.YamlSyntax, r.Errors.First().Code);
        Assert.Equal("t.yaml", r.Errors.First().Location.File);
    }

    /// <summary>
    /// parser target, `fuzz parser --seconds 60 --seed 1` iteration 2717: a tag that is not a valid URI
    /// (<c>!![[</c>, <c>!&lt;[[&gt;</c>) makes YamlDotNet throw ArgumentException, which escaped the loader.
    /// </summary>
    [Theory]
    [InlineData("spec: !![[\n")]
    [InlineData("spec: !<[[> x\n")]
    public void Tag_that_is_not_a_uri_is_a_syntax_error_not_an_ArgumentException(string body)
    {
        var r = ProfileLoader.LoadText("t.yaml", "apiVersion: hctr.dev/v1\nkind: SecurityProfile\n" + body);
        Assert.False(r.Succeeded);
        Assert.Contains(r.Errors, e => e.Code is DiagnosticCodes.YamlSyntax or DiagnosticCodes.YamlTag);
    }
}
