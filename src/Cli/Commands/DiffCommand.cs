using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Policy.Audit;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Model;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr profile diff OLD NEW [--format text|json] [--fail-on widen]</c>; OLD and NEW may be <c>git:REV:path</c>.
/// Exit 0 (no widening, or no --fail-on), 1 widenings with --fail-on widen, 2 when either side cannot be loaded.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var oldArg = new Argument<string>("OLD") { Description = "The profile before (a path or git:REV:path)." };
        var newArg = new Argument<string>("NEW") { Description = "The profile after (a path or git:REV:path)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "widen: exit 1 when NEW grants anything OLD did not." };
        failOn.AcceptOnlyFromAmong("widen");
        var cmd = new Command("diff", "Semantic difference of two profiles, widenings first.") { oldArg, newArg, format, failOn };
        cmd.SetAction(parse =>
        {
            var (o, n) = (Load(parse.GetValue(oldArg)!), Load(parse.GetValue(newArg)!));
            if (o is null || n is null)
            {
                return ExitCodes.Usage;
            }

            var entries = ProfileDiff.Compare(o, n, HostFacts.Reference);
            if (parse.GetValue(format) == "json")
            {
                ConsoleText.Write(DiffJson.Write(parse.GetValue(oldArg)!, parse.GetValue(newArg)!, entries));
            }
            else
            {
                PrintText(entries);
            }

            return parse.GetValue(failOn) == "widen" && ProfileDiff.HasWidening(entries) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return cmd;
    }

    internal static SecurityProfile? Load(string reference)
    {
        var result = ProfileLoader.Load(reference, SourceFor.Reference(reference));
        DiagnosticPrinter.Print(result.Diagnostics.Where(d => d.IsError));
        if (result.Profile is null)
        {
            Console.Error.WriteLine($"{reference}: cannot load ({DiagnosticPrinter.Summary(result.Diagnostics)})");
        }

        return result.Profile;
    }

    private static void PrintText(IReadOnlyList<DiffEntry> entries)
    {
        if (entries.Count == 0)
        {
            Console.Out.WriteLine("no semantic difference");
            return;
        }

        foreach (var (kind, title) in new[] { (ChangeKind.Widen, "Widenings"), (ChangeKind.Narrow, "Narrowings"), (ChangeKind.Change, "Other changes") })
        {
            var group = entries.Where(e => e.Kind == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            Console.Out.WriteLine($"{title} ({group.Count}):");
            foreach (var e in group)
            {
                var at = e.Location.IsNone ? "" : $"  [{e.Location}]";
                Console.Out.WriteLine($"  {e.Section}: {e.Message}{at}");
            }
        }
    }
}
