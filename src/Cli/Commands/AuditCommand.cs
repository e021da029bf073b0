using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy.Audit;
using Hctr.Policy.Host;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr profile audit DIR|FILE... [--format text|json|sarif] [--since REV]</c>: lint, risk score and an overview
/// table; with --since only profiles whose text changed since REV, and their widenings relative to it.
/// Exit 0 clean, 1 findings or widenings, 2 input errors (unreadable profiles, bad revision).
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Profile files or directories (searched for *.yaml, *.yml).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var since = new Option<string?>("--since") { Description = "Audit only profiles changed since this git revision; report their widenings." };
        var cmd = new Command("audit", "Lint, risk scores and an overview for a repository of profiles.") { paths, format, since };
        cmd.SetAction(parse =>
        {
            if (!TryExpand(parse.GetValue(paths)!, out var files))
            {
                return ExitCodes.Usage;
            }

            var source = new FileProfileSource();
            GitProfileSource? baseline = null;
            if (parse.GetValue(since) is { } rev)
            {
                baseline = new GitProfileSource(rev);
                if (!baseline.TryVerify(out var error))
                {
                    Console.Error.WriteLine($"--since {rev}: {error}");
                    return ExitCodes.Usage;
                }

                files = [.. files.Where(f => baseline.Read(f, null).Text != source.Read(f, null).Text)];
            }

            var result = Auditor.Audit(files, source, HostFacts.Reference, baseline, parse.GetValue(since));
            switch (parse.GetValue(format))
            {
                case "json":
                    ConsoleText.Write(AuditJson.Audit(result));
                    break;
                case "sarif":
                    ConsoleText.Write(SarifWriter.Write(result, typeof(AuditCommand).Assembly.GetName().Version?.ToString() ?? "0"));
                    break;
                default:
                    PrintText(result);
                    break;
            }

            return result.HasInputErrors ? ExitCodes.Usage : result.HasFindings ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return cmd;
    }

    private static bool TryExpand(string[] paths, out List<string> files)
    {
        files = [];
        var ok = true;
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                Console.Error.WriteLine($"{p}: error HCTR1901: no such file or directory");
                ok = false;
            }
        }

        return ok;
    }

    private static void PrintText(AuditResult result)
    {
        foreach (var p in result.Profiles)
        {
            LintCommand.Print(p.Lint);
            foreach (var w in p.Widenings)
            {
                Console.Out.WriteLine($"{w.Location}: widening since {result.Since}: {w.Section}: {w.Message}");
            }

            foreach (var (points, why) in p.Risk.Reasons.Take(5))
            {
                Console.Out.WriteLine($"  +{points,-3} {why}");
            }
        }

        var width = Math.Max(7, result.Profiles.Select(p => p.Lint.Reference.Length).DefaultIfEmpty(0).Max());
        Console.Out.WriteLine();
        Console.Out.WriteLine($"{"PROFILE".PadRight(width)}  GRADE  SCORE  ERRORS  WARNINGS  SUPPRESSED  WIDENINGS");
        foreach (var p in result.Profiles.OrderByDescending(p => p.Risk.Score))
        {
            var active = p.Lint.Active.ToList();
            var errors = active.Count(f => f.Rule.Severity == Policy.Diagnostics.Severity.Error) + p.Lint.Load.Errors.Count();
            var warnings = active.Count - active.Count(f => f.Rule.Severity == Policy.Diagnostics.Severity.Error);
            Console.Out.WriteLine($"{p.Lint.Reference.PadRight(width)}  {p.Risk.Grade,-5}  {p.Risk.Score,5}  {errors,6}  {warnings,8}  "
                + $"{p.Lint.Findings.Length - active.Count,10}  {p.Widenings.Count(w => w.Kind == ChangeKind.Widen),9}");
        }
    }
}
