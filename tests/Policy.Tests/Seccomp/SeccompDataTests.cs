using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SeccompDataTests
{
    [Fact]
    public void GetArg_And_ReadWord_FollowTheKernelLayout()
    {
        var d = new SeccompData(59, 0xC000003E, 0, 10, 11, 12, 13, 14, 0x0000000F_00000010);
        Assert.Equal(new ulong[] { 10, 11, 12, 13, 14, 0xF00000010 }, Enumerable.Range(0, 6).Select(d.GetArg));
        Assert.Equal(59u, d.ReadWord(0));
        Assert.Equal(0x10u, d.ReadWord(56));
        Assert.Equal(0xFu, d.ReadWord(60));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.GetArg(6));
        Assert.Throws<InvalidProgramException>(() => d.ReadWord(64));
    }
}
