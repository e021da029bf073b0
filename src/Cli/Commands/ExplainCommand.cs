using System.CommandLine;
using System.Text;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy.Explain;
using Hctr.Policy.Loading;

namespace Hctr.Cli.Commands;

/// <summary><c>hctr profile explain FILE [--format text|json]</c>: the profile in plain language, with risks and where each value comes from.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The profile to explain." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("explain", "Say in plain language what a profile allows, what is risky, and which line grants it.") { file, format };
        cmd.SetAction(parse =>
        {
            var loaded = ProfileLoader.Load(parse.GetValue(file)!, new FileProfileSource());
            DiagnosticPrinter.Print(loaded.Diagnostics);
            if (loaded.Profile is not { } profile)
            {
                return ExitCodes.Findings;
            }

            var text = parse.GetValue(format) == "json" ? ProfileExplainer.Json(profile) : ProfileExplainer.Text(profile);
            return OutputWriter.Write(null, Encoding.UTF8.GetBytes(text)) ? ExitCodes.Ok : ExitCodes.Usage;
        });
        return cmd;
    }
}
