using Hctr.Policy.Diagnostics;
using Hctr.Policy.Tests.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Validation;

[Trait("Category", "Unit")]
public class SchemaValidatorTests
{
    private static Diagnostic[] Errors(string text) => [.. MemorySource.Load(text).Errors];

    [Fact]
    public void Unknown_field_is_located_at_its_key_with_a_suggestion()
    {
        var errors = Errors(MemorySource.Header + "spec:\n  capabilites:\n    add: [CHOWN]\n");
        var d = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.SchemaUnknownField, d.Code);
        Assert.Equal(new SourceLocation("test.yaml", 5, 3), d.Location);
        Assert.Contains("capabilities", d.Hint);
    }

    [Fact]
    public void Wrong_type_is_reported_at_the_value()
    {
        var d = Assert.Single(Errors(MemorySource.Header + "spec:\n  noNewPrivileges: [yes]\n"));
        Assert.Equal(DiagnosticCodes.SchemaType, d.Code);
        Assert.Equal(5, d.Location.Line);
    }

    [Fact]
    public void Missing_required_fields_are_reported()
    {
        var errors = Errors("apiVersion: hctr.dev/v1\nkind: SecurityProfile\n");
        Assert.Contains(errors, d => d.Code == DiagnosticCodes.SchemaRequired);
    }

    [Fact]
    public void Unsupported_api_version_has_its_own_code()
    {
        var errors = Errors("apiVersion: hctr.dev/v2\nkind: SecurityProfile\nmetadata: {name: x}\n");
        var d = Assert.Single(errors);
        Assert.Equal(DiagnosticCodes.SchemaVersion, d.Code);
        Assert.Equal(1, d.Location.Line);
    }

    [Theory]
    [InlineData("  resources: {memory: 12Q}\n", "expected a size")]
    [InlineData("  seccomp: {defaultAction: permit}\n", "expected allow")]
    [InlineData("  network: {modes: [internet]}\n", null)]
    public void Bad_values_get_one_message_each(string spec, string? hint)
    {
        var d = Assert.Single(Errors(MemorySource.Header + "spec:\n" + spec));
        Assert.Equal(DiagnosticCodes.SchemaValue, d.Code);
        Assert.Equal(5, d.Location.Line);
        if (hint is not null)
        {
            Assert.Contains(hint, d.Hint);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors(MemorySource.Header + "spec:\n  bogus: 1\n  noNewPrivileges: 3\n  resources: {pids: -1}\n  network: {modes: [x]}\n");
        Assert.Equal(4, errors.Length);
    }
}
