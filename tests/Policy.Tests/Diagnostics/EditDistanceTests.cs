using Hctr.Policy.Diagnostics;
using Xunit;

namespace Hctr.Policy.Tests.Diagnostics;

[Trait("Category", "Unit")]
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("read", "read", 0)]
    [InlineData("read", "", 4)]
    [InlineData("opneat", "openat", 1)] // transposition
    [InlineData("mmap", "munmap", 2)]
    [InlineData("kitten", "sitting", 3)]
    public void Compute(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b));
        Assert.Equal(expected, EditDistance.Compute(b, a));
    }
}
