using System.Text.Json;
using Hctr.Policy.Audit;
using Hctr.Policy.Host;
using Json.Schema;
using Xunit;

namespace Hctr.Policy.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class SarifWriterTests
{
    private static AuditResult AuditFixtures() => Auditor.Audit(
        Directory.EnumerateFiles(LinterTests.Fixtures, "*.yaml").Order(StringComparer.Ordinal),
        new DirectorySource(), HostFacts.Reference);

    [Fact]
    public void Sarif_output_validates_against_the_schema()
    {
        var bytes = SarifWriter.Write(AuditFixtures(), "1.0");
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(LinterTests.Fixtures, "..", "sarif-2.1.0-reduced.schema.json")));
        using var doc = JsonDocument.Parse(bytes);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Results_point_at_file_and_line_and_carry_suppressions()
    {
        using var doc = JsonDocument.Parse(SarifWriter.Write(AuditFixtures(), "1.0"));
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var loc = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith(".yaml", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(loc.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }

        Assert.Contains(results, r => r.TryGetProperty("suppressions", out var s) && s[0].GetProperty("kind").GetString() == "inSource");
    }

    [Fact]
    public void A_git_name_becomes_a_repository_path() => Assert.Equal("profiles/a.yaml", SarifWriter.Uri("git:HEAD~1:profiles/a.yaml"));
}
