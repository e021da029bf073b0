using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy.Audit;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr policy check --policy ORG.yaml [--trust-policy TRUST.yaml] [FILE...]</c>: exit 0 every profile complies
/// (and the trust policy enforces the required image signers), 1 violations, 2 when the policy, its ceiling, the trust
/// policy or a profile cannot be read or loaded.
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
        var trustPolicy = new Option<string?>("--trust-policy")
        {
            Description = "The trust policy that must enforce the organisation policy's requiredSigners.",
        };
        var files = new Argument<string[]>("FILE") { Description = "Profiles to check (a path or git:REV:path).", Arity = ArgumentArity.ZeroOrMore };
        var cmd = new Command("check", "Forbidden capabilities and syscalls, required sections, a ceiling profile, and required image signers.")
        {
            policy, trustPolicy, files,
        };
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

            var profiles = parse.GetValue(files) ?? [];
            var trustPath = parse.GetValue(trustPolicy);
            var signerViolations = 0;
            if (trustPath is not null || !org.RequiredSigners.IsEmpty)
            {
                var found = CheckSigners(org, trustPath, source);
                if (found is null)
                {
                    return ExitCodes.Usage;
                }

                signerViolations = found.Value;
            }
            else if (profiles.Length == 0)
            {
                Console.Error.WriteLine("error: give profiles to check, or --trust-policy to check required image signers");
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
            var violations = signerViolations;
            foreach (var f in profiles)
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

    /// <summary>Prints each required-signers violation; the count, or null (after a located error) on bad input.</summary>
    private static int? CheckSigners(OrgPolicy org, string? trustPath, FileProfileSource source)
    {
        if (trustPath is null)
        {
            var at = org.RequiredSigners[0].At;
            Console.Error.WriteLine(new Diagnostic(Severity.Error, DiagnosticCodes.TrustPolicyInvalid,
                "the policy requires image signers; give the trust policy that must enforce them with --trust-policy", at, null, null).Render());
            return null;
        }

        var text = source.Read(trustPath, null);
        Hctr.Trust.Policies.TrustPolicy trust;
        try
        {
            trust = text.Text is null
                ? throw new Hctr.Trust.TrustVerificationException(Hctr.Trust.TrustFailureReason.Malformed, $"{text.Name}: cannot read trust policy: {text.Error}", text.Name)
                : Hctr.Trust.Policies.TrustPolicyParser.Parse(text.Text, text.Name);
        }
        catch (Hctr.Trust.TrustVerificationException e)
        {
            Console.Error.WriteLine(TrustPolicyError(e.Message, text.Name).Render());
            return null;
        }

        var found = Signers.SignerPolicyCheck.Check(org.RequiredSigners, trust, text.Name, text.Text!);
        foreach (var v in found)
        {
            Console.Out.WriteLine(v.ToDiagnostic().Render());
        }

        Console.Out.WriteLine(org.RequiredSigners.IsEmpty
            ? $"{text.Name}: policy {org.Name} requires no image signers"
            : $"{text.Name}: {(found.IsEmpty ? "enforces" : $"{found.Length} violation{(found.Length == 1 ? "" : "s")} of")} the required image signers of policy {org.Name}");
        return found.Length;
    }

    /// <summary>The trust policy parser's messages start with <c>file:line:column: </c>; keep that as the location.</summary>
    private static Diagnostic TrustPolicyError(string message, string file)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^(.+?):(\d+):(\d+): (.*)$", System.Text.RegularExpressions.RegexOptions.Singleline);
        return m.Success
            ? new Diagnostic(Severity.Error, DiagnosticCodes.TrustPolicyInvalid, m.Groups[4].Value,
                new SourceLocation(m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)), null, null)
            : new Diagnostic(Severity.Error, DiagnosticCodes.TrustPolicyInvalid,
                message.StartsWith(file + ": ", StringComparison.Ordinal) ? message[(file.Length + 2)..] : message, new SourceLocation(file, 0, 0), null, null);
    }
}
