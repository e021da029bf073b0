using System.Text.RegularExpressions;

namespace Hctr.Policy.AppArmor;

/// <summary>
/// Defence in depth for the profile's raw AppArmor rules (validation checks them first): a raw rule must be
/// one line that cannot leave the profile block or confinement. Refused: unbalanced braces, includes,
/// profile/hat/alias/abi/variable definitions, change_profile/change_hat, anything naming "unconfined", and
/// unconfined exec modes (ux, Ux, pux, cux...).
/// </summary>
public static partial class AppArmorRuleCheck
{
    private static readonly string[] ForbiddenStarts =
        ["profile", "hat", "^", "#include", "include", "abi", "alias", "@{", "change_profile", "change_hat", "}"];

    /// <summary>Null when the rule is acceptable, else the reason.</summary>
    public static string? Problem(string rule)
    {
        if (rule.IndexOfAny(['\n', '\r', '\0']) >= 0)
        {
            return "a rule must be a single line";
        }

        var depth = 0;
        foreach (var ch in rule)
        {
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            if (depth < 0)
            {
                return "unbalanced '}'";
            }
        }

        if (depth != 0)
        {
            return "unbalanced '{'";
        }

        var body = rule.Trim();
        if (body.StartsWith("deny ", StringComparison.Ordinal) || body.StartsWith("audit deny ", StringComparison.Ordinal))
        {
            return body.Contains("->", StringComparison.Ordinal) ? "deny rules cannot name a transition" : null;
        }

        if (ForbiddenStarts.Any(f => body.StartsWith(f, StringComparison.Ordinal)))
        {
            return "rules may not define profiles, hats, variables or includes, or change profile";
        }

        if (body.Contains("unconfined", StringComparison.Ordinal) || UnconfinedExec().IsMatch(body))
        {
            return "rules may not run anything unconfined";
        }

        return null;
    }

    [GeneratedRegex(@"(^|[\s,])[a-zA-Z]*[uU]x[a-zA-Z]*([\s,]|$)")]
    private static partial Regex UnconfinedExec();
}
