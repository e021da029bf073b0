using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SeccompArchNamesTests
{
    [Theory]
    [InlineData("x86_64", SeccompArch.X86_64)]
    [InlineData("x86", SeccompArch.X86)]
    [InlineData("i386", SeccompArch.X86)]
    [InlineData("x32", SeccompArch.X32)]
    [InlineData("aarch64", SeccompArch.Aarch64)]
    [InlineData("arm", SeccompArch.Arm)]
    public void TryParse(string text, SeccompArch expected)
    {
        Assert.True(SeccompArchNames.TryParse(text, out var arch));
        Assert.Equal(expected, arch);
    }

    [Theory]
    [InlineData("amd64"), InlineData("X86_64"), InlineData("arm64"), InlineData("")]
    public void TryParse_RejectsOtherSpellings(string text) => Assert.False(SeccompArchNames.TryParse(text, out _));

    [Fact]
    public void ToName_RoundTrips()
    {
        foreach (var arch in Enum.GetValues<SeccompArch>())
        {
            Assert.True(SeccompArchNames.TryParse(SeccompArchNames.ToName(arch), out var back));
            Assert.Equal(arch, back);
        }
    }
}
