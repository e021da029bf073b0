using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Validation;

/// <summary>
/// Within one file, two unconditional rules for the same syscall with different actions contradict each
/// other (error); with the same action they are duplicates (warning); a rule for a syscall that an earlier
/// unconditional rule of the same file already decides can never match (warning). Across files the
/// extending profile's rules deliberately come first.
/// </summary>
internal static class SeccompChecks
{
    public static void Run(SeccompProfile s, DiagnosticBag d)
    {
        var decided = new Dictionary<(string File, string Syscall), SeccompRuleSpec>();
        foreach (var rule in s.Rules)
        {
            foreach (var name in rule.Expanded)
            {
                var key = (rule.Origin.File, name);
                if (decided.TryGetValue(key, out var first))
                {
                    Report(first, rule, name, d);
                    continue;
                }

                if (rule.Args.IsEmpty)
                {
                    decided[key] = rule;
                }
            }
        }
    }

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
