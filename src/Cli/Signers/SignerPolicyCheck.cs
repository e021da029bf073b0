using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Hctr.Policy.Audit;
using Hctr.Policy.Diagnostics;
using Hctr.Trust.Policies;

namespace Hctr.Cli.Signers;

/// <summary>
/// Checks an organisation policy's <c>requiredSigners</c> against a trust policy (read only: the trust policy's
/// model is used as <see cref="TrustPolicyParser"/> gives it). Lives in Cli because it composes Policy and Trust,
/// which know nothing of each other. For every trust-policy rule that decides for some image name the
/// organisation pattern matches (first match, as <see cref="TrustPolicy.RuleFor"/>), the rule must demand that a
/// threshold of pinned keys signed, such that any set of signers it accepts holds at least the required number of
/// required keys. Names no rule matches must fall to <c>default: refuse</c>, and at least one rule must cover the
/// pattern. Anything the analysis cannot decide is a violation (fail closed).
/// Each violation is located at the trust-policy line to change and names the organisation-policy line.
/// </summary>
internal static partial class SignerPolicyCheck
{
    public const string Rule = "HCTR-P005";

    public static ImmutableArray<PolicyViolation> Check(ImmutableArray<RequiredSigners> required, TrustPolicy trust, string trustFile, string trustText)
    {
        var found = ImmutableArray.CreateBuilder<PolicyViolation>();
        var defaultAt = DefaultLine(trustFile, trustText);
        var globs = trust.Rules.Select(r => ImageGlob.TryCreate(r.Pattern)).ToList();
        foreach (var req in required)
        {
            var org = ImageGlob.TryCreate(req.Image);
            if (org is null || globs.Any(g => g is null))
            {
                found.Add(new(Rule, $"cannot analyse '{req.Image}' against the trust policy (a pattern is over {ImageGlob.MaxTokens} tokens or {ImageGlob.MaxWildcards} wildcards)", defaultAt, req.At));
                continue;
            }

            var coverage = PatternCoverage.Compute(org, globs!);
            if (coverage.Exhausted)
            {
                found.Add(new(Rule, $"cannot analyse '{req.Image}' against the trust policy (over {PatternCoverage.MaxStates} pattern states)", defaultAt, req.At));
                continue;
            }

            var demand = $"{req.Threshold} of [{string.Join(", ", req.Keys.Select(Short))}]";
            if (coverage.Rules.Count == 0)
            {
                found.Add(new(Rule, $"no trust-policy rule matches images '{req.Image}' (required signers: {demand})", defaultAt, req.At));
            }

            foreach (var (index, sample) in coverage.Rules.OrderBy(p => p.Key))
            {
                if (Weakness(trust.Rules[index], req) is { } why)
                {
                    found.Add(new(Rule, $"rule '{trust.Rules[index].Pattern}' decides for '{req.Image}' (e.g. {sample}) and {why}; required: {demand}",
                        RuleAt(trust.Rules[index].Source, trustFile), req.At));
                }
            }

            if (coverage.Default is { } unmatched && trust.Default == DefaultAction.AllowUnverifiedUnsafe)
            {
                found.Add(new(Rule, $"images '{req.Image}' that no rule matches (e.g. {unmatched}) run unsigned under default: allow-unverified-unsafe; required: {demand}",
                    defaultAt, req.At));
            }
        }

        return found.ToImmutable();
    }

    /// <summary>Why the rule accepts signers the requirement does not, or null when every accepted set complies.</summary>
    internal static string? Weakness(ImageRule rule, RequiredSigners req)
    {
        if (rule.Trust is not { } t)
        {
            return "lets them run unverified (trust: unverified-unsafe)";
        }

        var keys = t.Keys.Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return "pins no keys (any key the TUF repository delegates to is accepted)";
        }

        // The rule accepts any Threshold of its keys; the worst such set uses every key outside the requirement first.
        var foreign = keys.Count(k => !req.Keys.Contains(k));
        var guaranteed = Math.Max(0, t.Threshold - foreign);
        if (guaranteed >= req.Threshold)
        {
            return null;
        }

        return foreign == 0
            ? $"accepts {t.Threshold} of its keys"
            : $"accepts {t.Threshold} of {keys.Count} keys, {foreign} of them not required, so as few as {guaranteed} required key{(guaranteed == 1 ? "" : "s")} may sign";
    }

    private static string Short(string keyId) => keyId.Length > 12 ? keyId[..12] : keyId;

    /// <summary><see cref="ImageRule.Source"/> is <c>file:line</c>.</summary>
    private static SourceLocation RuleAt(string source, string file)
    {
        var colon = source.LastIndexOf(':');
        return colon > 0 && int.TryParse(source.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? new SourceLocation(source[..colon], line, 1)
            : new SourceLocation(file, 1, 1);
    }

    /// <summary>The line of the top-level <c>default:</c> key (the model keeps no location for it); line 1 when absent.</summary>
    private static SourceLocation DefaultLine(string file, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (DefaultKey().IsMatch(lines[i]))
            {
                return new SourceLocation(file, i + 1, 1);
            }
        }

        return new SourceLocation(file, 1, 1);
    }

    [GeneratedRegex(@"^default\s*:")]
    private static partial Regex DefaultKey();
}
