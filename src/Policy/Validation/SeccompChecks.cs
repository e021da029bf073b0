using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Validation;

/// <summary>
/// Within one file, two unconditional rules that both name a syscall directly with different actions
/// contradict each other (error); with the same action they are duplicates (warning); a conditional rule
/// naming a syscall directly that an earlier unconditional rule already decides can never match (warning).
/// Overlaps that come through @groups are the documented way to carve exceptions ("deny @debug, then allow
/// @default": the first rule wins), so they are not reported. Across files the extending profile's rules
/// deliberately come first.
/// </summary>
internal static class SeccompChecks
{
    public static void Run(SeccompProfile s, DiagnosticBag d)
    {
        // Per file, per syscall: the first unconditional rule naming it (string-keyed tables hash faster than a
        // tuple key, and a profile's rules nearly all come from one file).
        var decidedByFile = new List<(string? File, Dictionary<string, SeccompRuleSpec> Decided)>();
        foreach (var rule in s.Rules)
        {
            var decided = DecidedIn(decidedByFile, rule.Origin.File);

            foreach (var name in rule.Expanded)
            {
                if (decided.TryGetValue(name, out var first) && Direct(first, name) && Direct(rule, name))
                {
                    Report(first, rule, name, d);
                    continue;
                }

                if (rule.Args.IsEmpty)
                {
                    decided.TryAdd(name, rule);
                }
            }
        }
    }

    private static Dictionary<string, SeccompRuleSpec> DecidedIn(List<(string? File, Dictionary<string, SeccompRuleSpec> Decided)> byFile, string? file)
    {
        foreach (var (f, decided) in byFile)
        {
            if (string.Equals(f, file, StringComparison.Ordinal))
            {
                return decided;
            }
        }

        var added = new Dictionary<string, SeccompRuleSpec>(512, StringComparer.Ordinal);
        byFile.Add((file, added));
        return added;
    }

    private static bool Direct(SeccompRuleSpec rule, string name) => rule.Syscalls.Any(s => s.Value == name);

    private static void Report(SeccompRuleSpec first, SeccompRuleSpec rule, string name, DiagnosticBag d)
    {
        if (!rule.Args.IsEmpty)
        {
            d.Warning(DiagnosticCodes.UnreachableRule, rule.Origin,
                $"this rule never applies to '{name}': the rule at line {first.Origin.Line} already decides it", "spec.seccomp.rules",
                "move the conditional rule before the unconditional one");
        }
        else if (rule.Action == first.Action)
        {
            d.Warning(DiagnosticCodes.DuplicateRule, rule.Origin, $"'{name}' is already {first.Action} by the rule at line {first.Origin.Line}",
                "spec.seccomp.rules", "remove the duplicate");
        }
        else
        {
            d.Error(DiagnosticCodes.ContradictoryRules, rule.Origin,
                $"'{name}' is {rule.Action} here but {first.Action} by the rule at line {first.Origin.Line}", "spec.seccomp.rules",
                "keep one rule per syscall, or add argument conditions to tell them apart");
        }
    }
}
