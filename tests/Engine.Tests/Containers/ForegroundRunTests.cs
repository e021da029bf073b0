using Hctr.Engine.Containers;
using Xunit;

namespace Hctr.Engine.Tests.Containers;

/// <summary>The request both run programs build (the full CLI and the front binary share this code).</summary>
[Trait("Category", "Unit")]
public sealed class ForegroundRunTests
{
    [Fact]
    public void Values_reach_the_request_and_env_overrides_the_default_path()
    {
        var err = new StringWriter();
        Assert.True(ForegroundRun.TryBuildRequest(["/bin/sh", "-c", "x"], "c1", "/r", "h1", ["PATH=/x", "A=1=2"], "/w", "5:6",
            tty: true, init: true, numericUser: true, err, out var r));
        Assert.Equal(["/bin/sh", "-c", "x"], r.Argv.ToArray());
        Assert.Equal(["PATH=/x", "A=1=2"], r.Env.ToArray());
        Assert.Equal(("c1", "/r", "h1", "/w", 5u, 6u, true, true), (r.ContainerId, r.RootfsPath, r.Hostname, r.Cwd, r.Uid, r.Gid, r.Terminal, r.Init));
        Assert.Equal("", err.ToString());
    }

    [Fact]
    public void Defaults_when_nothing_is_given()
    {
        Assert.True(ForegroundRun.TryBuildRequest(["/bin/true"], "c1", "/r", null, [], null, null, false, false, true, TextWriter.Null, out var r));
        Assert.Equal(("/", 0u, 0u, "hctr"), (r.Cwd, r.Uid, r.Gid, r.Hostname));
        Assert.Single(r.Env, e => e.StartsWith("PATH=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_uid_alone_is_also_the_gid() =>
        Assert.True(ForegroundRun.TryBuildRequest(["/bin/true"], "c", "/r", null, [], null, "7", false, false, true, TextWriter.Null, out var r)
            && r.Uid == 7 && r.Gid == 7);

    [Theory]
    [InlineData("bob", null, "--user expects UID[:GID] (numbers), got 'bob'")]
    [InlineData("1:x", null, "--user expects UID[:GID] (numbers), got '1:x'")]
    [InlineData(null, "NOEQUALS", "-e expects KEY=VALUE, got 'NOEQUALS'")]
    [InlineData(null, "=v", "-e expects KEY=VALUE, got '=v'")]
    public void Malformed_values_are_refused_with_one_line(string? user, string? env, string message)
    {
        var err = new StringWriter();
        Assert.False(ForegroundRun.TryBuildRequest(["/bin/true"], "c", "/r", null, env is null ? [] : [env], null, user, false, false, true, err, out _));
        Assert.Equal($"hctr run: {message}", err.ToString().TrimEnd());
    }

    [Fact]
    public void Names_are_left_for_the_image_when_the_user_is_not_numeric_only() =>
        Assert.True(ForegroundRun.TryBuildRequest(["/bin/true"], "c", "/r", null, [], null, "www-data", false, false, numericUser: false, TextWriter.Null, out _));
}
