using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy.Audit;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr policy check --policy ORG.yaml FILE...</c>: exit 0 every profile complies, 1 violations, 2 when the
/// policy, its ceiling or a profile cannot be read or loaded.
/// </summary>
internal static class PolicyCommands
{
    public static Command Create()
    {
        var cmd = new Command("policy", "Check profiles against an organisation policy.");
        cmd.Subcommands.Add(Check());
        return cmd;
    }

    private static Command Check()
    {
        var policy = new Option<string>("--policy") { Description = "The organisation policy (kind: OrgPolicy).", Required = true };
        var files = new Argument<string[]>("FILE") { Description = "Profiles to check (a path or git:REV:path).", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("check", "Forbidden capabilities and syscalls, required sections, and a ceiling profile.") { policy, files };
        cmd.SetAction(parse =>
        {
            var source = new FileProfileSource();
            var policyPath = parse.GetValue(policy)!;
            var text = source.Read(policyPath, null);
            var d = new DiagnosticBag();
            var org = text.Text is null ? null : OrgPolicyParser.Parse(text.Name, text.Text, d);
            if (text.Text is null)
            {
                d.Error(DiagnosticCodes.FileNotFound, new SourceLocation(text.Name, 0, 0), $"cannot read policy: {text.Error}");
            }

            DiagnosticPrinter.Print(d.ToImmutable());
            if (org is null)
            {
                return ExitCodes.Usage;
            }

            Policy.Model.SecurityProfile? ceiling = null;
            if (org.Ceiling is { } c)
            {
                var path = Path.Combine(Path.GetDirectoryName(policyPath) ?? "", c.Value);
                var loaded = ProfileLoader.Load(path, source);
                DiagnosticPrinter.Print(loaded.Errors);
                if (loaded.Profile is null)
                {
                    Console.Error.WriteLine($"{c.Origin}: error {DiagnosticCodes.OrgPolicyInvalid}: the ceiling profile '{c.Value}' cannot be loaded");
                    return ExitCodes.Usage;
                }

                ceiling = loaded.Profile;
            }

            var inputError = false;
            var violations = 0;
            foreach (var f in parse.GetValue(files)!)
            {
                var loaded = ProfileLoader.Load(f, SourceFor.Reference(f));
                if (loaded.Profile is null)
                {
                    DiagnosticPrinter.Print(loaded.Errors);
                    Console.Error.WriteLine($"{f}: cannot load ({DiagnosticPrinter.Summary(loaded.Diagnostics)})");
                    inputError = true;
                    continue;
                }

                var found = PolicyChecker.Check(org, loaded.Profile, ceiling, HostFacts.Reference);
                foreach (var v in found)
                {
                    Console.Out.WriteLine(v.ToDiagnostic().Render());
                }

                violations += found.Length;
                Console.Out.WriteLine($"{f}: {(found.IsEmpty ? "complies with" : $"{found.Length} violation{(found.Length == 1 ? "" : "s")} of")} policy {org.Name}");
            }

            return inputError ? ExitCodes.Usage : violations > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return cmd;
    }
}
