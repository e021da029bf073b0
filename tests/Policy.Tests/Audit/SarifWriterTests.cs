using System.Text.Json;
using Hctr.Policy.Audit;
using Hctr.Policy.Host;
using Hctr.Tests.Sarif;
using Xunit;

namespace Hctr.Policy.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class SarifWriterTests
{
    private static AuditResult AuditFixtures() => Auditor.Audit(
        Directory.EnumerateFiles(LinterTests.Fixtures, "*.yaml").Order(StringComparer.Ordinal),
        new DirectorySource(), HostFacts.Reference);

    [SarifSchemaFact]
    public void Sarif_output_validates_against_the_official_schema() =>
        OfficialSarifSchema.AssertValid(OfficialSarifSchema.Load(), SarifWriter.Write(AuditFixtures(), "1.0"));

    [SarifSchemaFact]
    public void Sarif_with_load_errors_and_widenings_validates_against_the_official_schema()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"hctr-sarif-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, "apiVersion: hctr.dev/v1\nkind: [\n");
        try
        {
            var audit = AuditFixtures();
            var withErrors = Auditor.Audit([broken], new DirectorySource(), HostFacts.Reference);
            var first = audit.Profiles[0];
            var widened = first with
            {
                Widenings = [new DiffEntry(ChangeKind.Widen, "capabilities", "bounding gains SYS_ADMIN", first.Lint.Findings[0].Location)],
            };
            var bytes = SarifWriter.Write(
                audit with { Since = "HEAD~1", Profiles = [widened, .. audit.Profiles.Skip(1), .. withErrors.Profiles] }, "1.0");
            OfficialSarifSchema.AssertValid(OfficialSarifSchema.Load(), bytes);
            using var doc = JsonDocument.Parse(bytes);
            Assert.Contains(doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
                r => r.GetProperty("level").GetString() == "error" && r.GetProperty("ruleId").GetString()!.StartsWith("HCTR1", StringComparison.Ordinal));
            Assert.Contains(doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
                r => r.GetProperty("ruleId").GetString() == SarifWriter.WideningRuleId);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [SarifSchemaFact]
    public void The_official_schema_rejects_a_broken_log()
    {
        // Guards against a schema that accepts anything (a wrong draft, a failed load): a result without a
        // message and a level SARIF does not define must both be refused.
        var schema = OfficialSarifSchema.Load();
        var bad = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"hctr"}},"results":[{"ruleId":"X","level":"fatal"}]}]}"""u8;
        using var doc = JsonDocument.Parse(bad.ToArray());
        Assert.False(schema.Evaluate(doc.RootElement).IsValid);
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
