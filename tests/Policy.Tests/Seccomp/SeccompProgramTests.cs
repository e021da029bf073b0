using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SeccompProgramTests
{
    [Fact]
    public void ToBytes_IsLittleEndianSockFilter()
    {
        var p = new SeccompProgram([new SockFilter(0x0015, 3, 4, 0xC000003E), new SockFilter(0x0006, 0, 0, 0x7fff0000)]);
        Assert.Equal(
            new byte[] { 0x15, 0x00, 3, 4, 0x3E, 0x00, 0x00, 0xC0, 0x06, 0x00, 0, 0, 0x00, 0x00, 0xff, 0x7f },
            p.ToBytes());
    }

    [Fact]
    public void FromBytes_IsTheInverseOfToBytes()
    {
        var p = new SeccompProgram([new SockFilter(0x0015, 3, 4, 0xC000003E), new SockFilter(0x0006, 0, 0, 0x7fff0000)]);
        Assert.True(p.ContentEquals(SeccompProgram.FromBytes(p.ToBytes())));
    }

    [Fact]
    public void FromBytes_RefusesATruncatedProgram()
    {
        Assert.Throws<ArgumentException>(() => SeccompProgram.FromBytes(new byte[12]));
    }

    [Fact]
    public void ContentEquals_ComparesInstructions()
    {
        var a = new SeccompProgram([new SockFilter(6, 0, 0, 1)]);
        Assert.True(a.ContentEquals(new SeccompProgram([new SockFilter(6, 0, 0, 1)])));
        Assert.False(a.ContentEquals(new SeccompProgram([new SockFilter(6, 0, 0, 2)])));
    }
}
