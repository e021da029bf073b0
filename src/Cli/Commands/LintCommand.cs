using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy.Audit;
using Hctr.Policy.Host;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr profile lint FILE... [--format text|json]</c>: exit 0 clean, 1 unsuppressed findings, 2 when a
/// profile cannot be read or loaded (its located errors are printed).
/// </summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Profiles to lint (a path or git:REV:path).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("lint", "Report risky settings in profiles, each with a stable rule id (docs/lint.md).") { files, format };
        cmd.SetAction(parse =>
        {
            var reports = parse.GetValue(files)!.Select(f => Linter.Lint(f, SourceFor.Reference(f), HostFacts.Reference)).ToList();
            if (parse.GetValue(format) == "json")
            {
                ConsoleText.Write(AuditJson.Lint(reports));
            }
            else
            {
                foreach (var r in reports)
                {
                    Print(r);
                }
            }

            return reports.Any(r => !r.Load.Succeeded) ? ExitCodes.Usage : reports.Any(r => r.HasFindings) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return cmd;
    }

    public static void Print(LintReport r)
    {
        if (!r.Load.Succeeded)
        {
            DiagnosticPrinter.Print(r.Load.Diagnostics);
            Console.Error.WriteLine($"{r.Reference}: cannot lint ({DiagnosticPrinter.Summary(r.Load.Diagnostics)})");
            return;
        }

        foreach (var f in r.Findings)
        {
            Console.Out.WriteLine(f.ToDiagnostic().Render());
        }

        var active = r.Active.Count();
        var suppressed = r.Findings.Length - active;
        Console.Out.WriteLine($"{r.Reference}: {active} finding{(active == 1 ? "" : "s")}, {suppressed} suppressed");
    }
}
