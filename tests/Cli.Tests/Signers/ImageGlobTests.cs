using CsCheck;
using Hctr.Cli.Signers;
using Hctr.Trust.Policies;
using Xunit;

namespace Hctr.Cli.Tests.Signers;

[Trait("Category", "Unit")]
public sealed class ImageGlobTests
{
    [Theory]
    [InlineData("registry.example/team/*", "registry.example/team/web", true)]
    [InlineData("registry.example/team/*", "registry.example/team/a/b", false)]
    [InlineData("registry.example/team/**", "registry.example/team/a/b", true)]
    [InlineData("registry.example/team/?b", "registry.example/team/db", true)]
    [InlineData("registry.example/team/?b", "registry.example/team//b", false)]
    [InlineData("**", "", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    public void Matches_like_the_trust_policy(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, ImageGlob.TryCreate(pattern)!.Matches(name));
        Assert.Equal(expected, new ImageRule { Pattern = pattern, Source = "t:1" }.Matches(name));
    }

    [Fact]
    public void Agrees_with_the_trust_policy_matcher_on_random_patterns_and_names()
    {
        var pattern = Gen.String[Gen.Char["ab/*?"], 0, 8];
        var name = Gen.String[Gen.Char["ab/"], 0, 8];
        Gen.Select(pattern, name).Sample((p, n) =>
            ImageGlob.TryCreate(p)!.Matches(n) == new ImageRule { Pattern = p, Source = "t:1" }.Matches(n), iter: 20_000);
    }

    [Fact]
    public void A_pattern_too_long_to_analyse_is_refused()
    {
        Assert.Null(ImageGlob.TryCreate(new string('a', ImageGlob.MaxTokens + 1)));
        Assert.Null(ImageGlob.TryCreate(new string('*', 2 * (ImageGlob.MaxWildcards + 1)))); // 65 "**" tokens
        Assert.NotNull(ImageGlob.TryCreate(new string('*', 2 * ImageGlob.MaxWildcards)));
    }
}
