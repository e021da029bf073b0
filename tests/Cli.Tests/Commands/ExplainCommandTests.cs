using System.CommandLine;
using Hctr.Cli.Commands;
using Xunit;

namespace Hctr.Cli.Tests.Commands;

[Trait("Category", "Unit")]
public sealed class ExplainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-explain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static int Run(params string[] args) => new RootCommand { ExplainCommand.Create() }.Parse(["explain", .. args]).Invoke();

    [Fact]
    public void An_invalid_profile_exits_with_findings()
    {
        var f = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(f, "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: broken}\nspec:\n  capabilities: {add: [NOT_A_CAP]}\n");
        Assert.Equal(ExitCodes.Findings, Run(f));
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        var f = Path.Combine(_dir, "ok.yaml");
        File.WriteAllText(f, "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: ok}\n");
        Assert.NotEqual(ExitCodes.Ok, Run(f, "--format", "xml"));
    }
}
