using Hctr.Cli.Signers;
using Xunit;

namespace Hctr.Cli.Tests.Signers;

[Trait("Category", "Unit")]
public sealed class PatternCoverageTests
{
    private static PatternCoverage Cover(string org, params string[] rules) =>
        PatternCoverage.Compute(ImageGlob.TryCreate(org)!, rules.Select(r => ImageGlob.TryCreate(r)!).ToList());

    [Fact]
    public void A_catch_all_after_a_covering_rule_decides_nothing()
    {
        var c = Cover("registry.example/team/*", "registry.example/team/**", "**");
        Assert.Equal([0], c.Rules.Keys);
        Assert.Null(c.Default);
    }

    [Fact]
    public void Every_rule_that_wins_for_some_name_is_found_with_a_sample()
    {
        var c = Cover("r/t/*", "r/t/web", "r/t/w*", "r/other/*", "**");
        Assert.Equal([0, 1, 3], c.Rules.Keys.Order());
        Assert.Equal("r/t/web", c.Rules[0]);
        Assert.StartsWith("r/t/w", c.Rules[1]);
        Assert.NotEqual("r/t/web", c.Rules[1]);
        Assert.Null(c.Default);
    }

    [Fact]
    public void Names_no_rule_matches_fall_to_the_default()
    {
        var c = Cover("r/t/**", "r/t/*");
        Assert.Equal([0], c.Rules.Keys);
        Assert.NotNull(c.Default);
        Assert.Contains('/', c.Default![4..]); // only deeper names escape r/t/*
    }

    [Fact]
    public void Disjoint_patterns_decide_nothing() => Assert.Empty(Cover("a/*", "b/*").Rules);
}
