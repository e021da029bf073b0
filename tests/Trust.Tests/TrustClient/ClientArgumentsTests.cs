using Hctr.TufClient;
using Xunit;

namespace Hctr.Trust.Tests.TrustClient;

[Trait("Category", "Unit")]
public sealed class ClientArgumentsTests
{
    [Fact]
    public void OptionsInAnyOrder_BeforeSubcommand()
    {
        var a = ClientArguments.Parse(["--target-name", "a", "--metadata-dir", "/d", "--target-name=b", "--metadata-url", "http://x/", "download"]);
        Assert.Null(a.Error);
        Assert.Equal(("download", "/d", "http://x/"), (a.Command, a.MetadataDir, a.MetadataUrl));
        Assert.Equal(["a", "b"], a.TargetNames);
    }

    [Fact]
    public void InitTakesRootFileOperand()
    {
        var a = ClientArguments.Parse(["--metadata-dir", "/d", "init", "root.json"]);
        Assert.Equal(("init", "root.json"), (a.Command, a.Operands[0]));
    }

    [Theory]
    [InlineData("--metadata-dir")]
    [InlineData("--bogus", "x", "refresh")]
    [InlineData("--metadata-dir", "/d")]
    public void Mistakes_AreErrors_NotExceptions(params string[] args) =>
        Assert.NotNull(ClientArguments.Parse(args).Error);
}
