using Hctr.Policy.Audit;
using Hctr.Policy.Host;
using Xunit;

namespace Hctr.Policy.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class LinterTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var r in LintRules.All)
        {
            data.Add(r.Id);
        }

        return data;
    }

    private static LintReport Lint(string file) =>
        Linter.Lint(Path.Combine(Fixtures, file), new DirectorySource(), HostFacts.Reference);

    internal static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Policy.Tests", "Audit", "fixtures");

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_fires_on_its_failing_fixture(string id)
    {
        var r = Lint($"{id}.fail.yaml");
        Assert.True(r.Load.Succeeded, string.Join("\n", r.Load.Diagnostics));
        var hit = r.Active.First(f => f.Rule.Id == id);
        Assert.True(hit.Location.Line > 0, "a finding points at a line");
        Assert.EndsWith(".yaml", hit.Location.File);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_is_quiet_on_its_passing_fixture(string id)
    {
        var r = Lint($"{id}.pass.yaml");
        Assert.True(r.Load.Succeeded, string.Join("\n", r.Load.Diagnostics));
        Assert.DoesNotContain(r.Active, f => f.Rule.Id == id);
    }

    [Fact]
    public void The_clean_base_has_no_findings()
    {
        var r = Lint("clean-base.yaml");
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void A_justified_suppression_is_reported_as_suppressed()
    {
        var r = Lint("HCTR-L017.pass.yaml");
        var f = Assert.Single(r.Findings, f => f.Rule.Id == LintRules.WritableRootfs.Id);
        Assert.True(f.Suppressed);
        Assert.Contains("TICKET-12", f.SuppressedBecause);
        Assert.Equal(0, RiskScore.Of(r, []).Reasons.Count(x => x.Reason.StartsWith(LintRules.WritableRootfs.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_finding_introduced_by_a_base_points_at_the_base_file()
    {
        var r = Lint("HCTR-L015.fail.yaml");
        var widen = Assert.Single(r.Findings, f => f.Rule.Id == LintRules.WidenDeclared.Id);
        Assert.EndsWith("HCTR-L015.fail.yaml", widen.Location.File);
        Assert.Equal(5, widen.Location.Line);
    }

    [Fact]
    public void Clone_is_fine_only_while_namespace_bits_are_masked_out()
    {
        // The shipped profiles allow clone under masked-eq 0x7E020000 == 0: no namespace creation.
        foreach (var p in new[] { "web-strict.yaml", "batch-nonet.yaml", "default.yaml" })
        {
            var r = Linter.Lint(Path.Combine(RepoPaths.Profiles, p), new DirectorySource(), HostFacts.Reference);
            Assert.DoesNotContain(r.Findings, f => f.Rule.Id == LintRules.NamespaceCreation.Id);
        }
    }

    [Fact]
    public void Suppression_comments_parse_ids_and_reason()
    {
        var s = Assert.Single(Suppression.Parse("f.yaml", "a: 1\n  # hctr-lint: disable=HCTR-L001, HCTR-L005 reason: needed for X\n"));
        Assert.Equal(new[] { "HCTR-L001", "HCTR-L005" }, s.RuleIds.ToArray());
        Assert.Equal("needed for X", s.Reason);
        Assert.Equal(2, s.Location.Line);
    }

    [Fact]
    public void Every_rule_is_documented_in_docs_lint_md()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "lint.md"));
        foreach (var r in LintRules.All)
        {
            Assert.Contains($"## {r.Id}", doc);
        }
    }
}
