using Hctr.Policy.Loading;
using Xunit;

namespace Hctr.Policy.Tests.Profiles;

/// <summary>Every profile in profiles/ loads with no errors and no warnings.</summary>
[Trait("Category", "Unit")]
public class ShippedProfilesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Profiles, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_cleanly(string name)
    {
        var r = ProfileLoader.Load(Path.Combine(RepoPaths.Profiles, name), new DirectorySource());
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void At_least_the_three_named_profiles_ship()
    {
        var names = Directory.GetFiles(RepoPaths.Profiles, "*.yaml").Select(Path.GetFileName).ToHashSet();
        Assert.Subset(names, new HashSet<string?> { "default.yaml", "web-strict.yaml", "batch-nonet.yaml" });
    }
}
