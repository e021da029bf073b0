using System.Diagnostics;
using Hctr.Sandbox.Init;

namespace Hctr.Sandbox.Tests.Init;

/// <summary>hctr-init's command line: exactly what Launcher writes, nothing else.</summary>
public sealed class InitArgumentsTests
{
    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("init --plan-fd 3 --error-fd 4", 3, 4, -1, -1)]
    [InlineData("init --plan-fd 8 --error-fd 11 --cgroup-fd 14", 8, 11, 14, -1)]
    [InlineData("init --console-fd 20 --cgroup-fd 14 --error-fd 11 --plan-fd 8", 8, 11, 14, 20)]
    public void Parses_what_the_launcher_writes(string line, int plan, int error, int cgroup, int console)
    {
        Assert.Equal(new InitArguments(plan, error, cgroup, console), InitArguments.TryParse(line.Split(' '), out string message));
        Assert.Equal("", message);
    }

    [Theory]
    [Trait("Category", "Unit")]
    [InlineData("", "usage: hctr-init init")]
    [InlineData("run --plan-fd 3 --error-fd 4", "usage: hctr-init init")]
    [InlineData("init --plan-fd 3", "--plan-fd and --error-fd are required")]
    [InlineData("init --plan-fd 3 --error-fd", "--error-fd needs a file descriptor number")]
    [InlineData("init --plan-fd -1 --error-fd 4", "--plan-fd needs a file descriptor number")]
    [InlineData("init --plan-fd x --error-fd 4", "--plan-fd needs a file descriptor number")]
    [InlineData("init --plan-fd 3 --error-fd 4 --plan-fd 5", "--plan-fd is given twice")]
    [InlineData("init --plan-fd 3 --error-fd 4 --verbose 1", "unknown argument '--verbose'")]
    public void Refuses_anything_else(string line, string expected)
    {
        Assert.Null(InitArguments.TryParse(line.Length == 0 ? [] : line.Split(' '), out string message));
        Assert.Contains(expected, message);
    }

    [Fact]
    [Trait("Category", "E2E")]
    public void The_published_binary_refuses_to_run_by_hand_with_exit_2()
    {
        var psi = new ProcessStartInfo(HctrBinary.InitPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("init");
        using var p = Process.Start(psi)!;
        string stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(10_000));
        Assert.Equal(2, p.ExitCode);
        Assert.Contains("hctr-init: --plan-fd and --error-fd are required", stderr);
    }
}
