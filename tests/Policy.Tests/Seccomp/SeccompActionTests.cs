using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SeccompActionTests
{
    [Theory]
    [InlineData("allow", SeccompActionKind.Allow, 0, 0x7fff0000u)]
    [InlineData("log", SeccompActionKind.Log, 0, 0x7ffc0000u)]
    [InlineData("kill-process", SeccompActionKind.KillProcess, 0, 0x80000000u)]
    [InlineData("kill-thread", SeccompActionKind.KillThread, 0, 0u)]
    [InlineData("trap", SeccompActionKind.Trap, 0, 0x00030000u)]
    [InlineData("notify", SeccompActionKind.Notify, 0, 0x7fc00000u)]
    [InlineData("errno(EPERM)", SeccompActionKind.Errno, 1, 0x00050001u)]
    [InlineData("errno(ENOSYS)", SeccompActionKind.Errno, 38, 0x00050026u)]
    [InlineData("errno(eacces)", SeccompActionKind.Errno, 13, 0x0005000du)]
    [InlineData("errno(EWOULDBLOCK)", SeccompActionKind.Errno, 11, 0x0005000bu)]
    [InlineData("errno(1)", SeccompActionKind.Errno, 1, 0x00050001u)]
    [InlineData("errno(4095)", SeccompActionKind.Errno, 4095, 0x00050fffu)]
    [InlineData(" errno( 13 ) ", SeccompActionKind.Errno, 13, 0x0005000du)]
    [InlineData("trace(0)", SeccompActionKind.Trace, 0, 0x7ff00000u)]
    [InlineData("trace(65535)", SeccompActionKind.Trace, 65535, 0x7ff0ffffu)]
    public void TryParse_Valid(string text, SeccompActionKind kind, int data, uint ret)
    {
        Assert.True(SeccompAction.TryParse(text, out var action, out var error), error);
        Assert.Null(error);
        Assert.Equal(new SeccompAction(kind, (ushort)data), action);
        Assert.Equal(ret, action.ToRet());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Allow")]
    [InlineData("deny")]
    [InlineData("errno")]
    [InlineData("errno()")]
    [InlineData("errno(0)")]
    [InlineData("errno(4096)")]
    [InlineData("errno(-1)")]
    [InlineData("errno(ENOTANERRNO)")]
    [InlineData("trace(65536)")]
    [InlineData("trace(x)")]
    [InlineData("errno(EPERM")]
    public void TryParse_Invalid_GivesError(string text)
    {
        Assert.False(SeccompAction.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("allow"), InlineData("log"), InlineData("kill-process"), InlineData("kill-thread"), InlineData("trap")]
    [InlineData("notify"), InlineData("errno(EPERM)"), InlineData("errno(ENOSYS)"), InlineData("errno(4000)"), InlineData("trace(7)")]
    public void ToString_RoundTrips(string text)
    {
        Assert.True(SeccompAction.TryParse(text, out var action, out _));
        Assert.Equal(text, action.ToString());
    }
}
