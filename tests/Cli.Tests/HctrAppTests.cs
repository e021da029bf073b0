using Xunit;

namespace Hctr.Cli.Tests;

/// <summary>Bad arguments exit with the usage code: 2 (1 means findings or a refusal), 125 for `run`, as docker does.</summary>
[Trait("Category", "Unit")]
public sealed class HctrAppTests
{
    private static (int Code, string Err) Run(params string[] args)
    {
        var (exit, _, err) = Commands.CommandRunner.Capture(() => HctrApp.Run(args));
        return (exit, err);
    }

    [Theory]
    [InlineData("policy", "check", "--no-such-option")]
    [InlineData("profile", "validate")]
    [InlineData("trust", "verify")]
    [InlineData("no-such-command")]
    public void Bad_arguments_exit_2_with_the_problem_on_stderr(params string[] args)
    {
        var (code, err) = Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("hctr: ", err);
        Assert.Contains("--help", err);
    }

    [Fact]
    public void Bad_arguments_to_run_exit_125()
    {
        Assert.Equal(125, Run("run", "--name").Code);
    }

    [Theory]
    [InlineData("--rootfs", "/nonexistent", "--bogus", "--", "/bin/true")]
    [InlineData("--bogus", "--rootfs", "/nonexistent", "/bin/true")]
    [InlineData("-x", "127.0.0.1:5000/app:1")]
    public void An_unknown_option_where_the_command_starts_is_refused_not_executed(params string[] rest)
    {
        var (code, err) = Run(["run", "--profile", "profiles/default.yaml", .. rest]);
        Assert.Equal(125, code);
        Assert.Contains($"unknown option '{rest.First(a => a is "--bogus" or "-x")}'", err);
    }

    [Theory]
    [InlineData("{\"appArmor\": null}")]
    [InlineData("{not json")]
    [InlineData("")]
    public void A_plan_file_that_is_not_a_plan_is_one_line_and_125_never_a_stack_trace(string text)
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, text);
            var (code, err) = Run("run", "--plan", file);
            Assert.Equal(125, code);
            Assert.StartsWith($"hctr run: {file}: not a launch plan", err);
            Assert.Single(err.Trim().Split('\n'));
            Assert.DoesNotContain(" at ", err);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_plan_file_is_one_line_and_125()
    {
        var (code, err) = Run("run", "--plan", "/nonexistent/plan.json");
        Assert.Equal(125, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("/nonexistent/plan.json", err);
    }

    [Fact]
    public void Entrypoint_with_a_rootfs_is_refused_before_anything_runs()
    {
        var (code, err) = Run("run", "--profile", "profiles/default.yaml", "--rootfs", "/nonexistent", "--entrypoint", "/bin/sh", "--", "/bin/true");
        Assert.Equal(125, code);
        Assert.Contains("--entrypoint replaces an image's Entrypoint", err);
    }
}
