using Hctr.Policy.Diagnostics;
using Hctr.Sandbox.Init;

namespace Hctr.Sandbox.Tests;

[Trait("Category", "Unit")]
public sealed class LaunchFailureTests
{
    [Fact]
    public void Record_round_trips_and_renders_like_a_compiler()
    {
        var failure = new LaunchFailure("mounts", "mount", 1, "/proc", "web-strict.yaml:22");
        var parsed = LaunchFailure.TryParse(failure.ToWire());
        Assert.Equal(failure, parsed);
        Assert.Equal("web-strict.yaml:22: mount /proc: EPERM (step mounts)", parsed!.Render());
        Assert.Equal(125, parsed.ExitCode);
    }

    [Fact]
    public void A_hint_travels_as_a_sixth_field_and_ends_the_line()
    {
        var failure = new LaunchFailure("mounts", "mkdirat", 30, "/data", "web.yaml:14", "create /data in the rootfs");
        var parsed = LaunchFailure.TryParse(failure.ToWire());
        Assert.Equal(failure, parsed);
        Assert.Equal("web.yaml:14: mkdirat /data: EROFS (step mounts): create /data in the rootfs", parsed!.Render());
        Assert.Equal(5, new LaunchFailure("a", "b", 1, "c", "d").ToWire().Count(b => b == 0x1f) + 1);
    }

    [Theory]
    [InlineData(2, 127)]
    [InlineData(13, 126)]
    [InlineData(8, 126)]
    public void Exec_failures_map_to_docker_exit_codes(int errno, int exitCode) =>
        Assert.Equal(exitCode, new LaunchFailure("exec", "execve", errno, "/x", "").ExitCode);

    [Fact]
    public void No_record_means_success_and_garbage_is_a_protocol_failure()
    {
        Assert.Null(LaunchFailure.TryParse([]));
        Assert.Equal("protocol", LaunchFailure.TryParse("garbage\n"u8)!.Syscall);
    }

    [Fact]
    public void Native_helper_records_parse()
    {
        var f = LaunchFailure.TryParse("spawn\u001fexecve\u001f2\u001f/bin/hctr\u001f\n"u8);
        Assert.Equal(new LaunchFailure("spawn", "execve", 2, "/bin/hctr", ""), f);
    }

    [Fact]
    public void Step_exception_carries_the_origin()
    {
        var e = Assert.Throws<InitStepException>(() => InitStepException.Run("sysctls", new SourceLocation("p.yaml", 7, 3), () => throw new SyscallException("open", 13, "/proc/sys/x")));
        Assert.Equal("p.yaml:7: open /proc/sys/x: EACCES (step sysctls)", e.ToFailure().Render());
    }
}
