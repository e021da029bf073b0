using System.CommandLine;
using Hctr.Cli.Commands;
using Xunit;

namespace Hctr.Cli.Tests.Commands;

/// <summary>The command's contract: exit codes, and no output file unless the import succeeded.</summary>
[Trait("Category", "Unit")]
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static int Run(params string[] args) => new RootCommand { ImportCommand.Create() }.Parse(["import", .. args]).Invoke();

    private static string DockerDefault()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var f = Path.Combine(d.FullName, "tests", "Policy.Tests", "Import", "testdata", "docker-default-seccomp.json");
            if (File.Exists(f))
            {
                return f;
            }
        }

        throw new InvalidOperationException("test data not found");
    }

    [Fact]
    public void Imports_docker_default_to_the_output_file()
    {
        var output = Path.Combine(_dir, "docker.yaml");
        Assert.Equal(ExitCodes.Ok, Run(DockerDefault(), "--from", "docker-seccomp", "--kernel", "5.10", "--name", "docker", "-o", output));
        var yaml = File.ReadAllText(output);
        Assert.Contains("\n  name: docker\n", yaml, StringComparison.Ordinal);
        Assert.Contains("kernel 5.10", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_exits_with_findings_and_writes_nothing()
    {
        var input = Path.Combine(_dir, "bad.json");
        File.WriteAllText(input, "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [}");
        var output = Path.Combine(_dir, "out.yaml");
        Assert.Equal(ExitCodes.Findings, Run(input, "--from", "docker-seccomp", "-o", output));
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData("--kernel", "6")]
    [InlineData("--caps", "NOT_A_CAP")]
    public void Bad_options_fail_without_output(string option, string value)
    {
        var output = Path.Combine(_dir, "out.yaml");
        Assert.NotEqual(ExitCodes.Ok, Run(DockerDefault(), "--from", "docker-seccomp", option, value, "-o", output));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Run(Path.Combine(_dir, "missing.json"), "--from", "docker-seccomp"));
    }
}
