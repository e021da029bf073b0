using System.Collections.Immutable;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Model;

namespace Hctr.Policy.Audit;

/// <summary>
/// <c>hctr profile lint</c>: loads through <see cref="ProfileLoader"/> (so findings point at the file and line that
/// introduced a value after <c>extends:</c>), runs the rules, then applies suppression comments. A suppression in
/// the linted file covers any finding; one in a base file covers findings located in that file.
/// </summary>
public static class Linter
{
    public static LintReport Lint(string reference, IProfileSource source, HostFacts host)
    {
        var load = ProfileLoader.Load(reference, source);
        if (load.Profile is null)
        {
            return new LintReport(reference, load, []);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in load.Profile.Sources.Distinct())
        {
            if (source.Read(name, null).Text is { } t)
            {
                texts[name] = t;
            }
        }

        return new LintReport(reference, load, Check(load.Profile, texts, host));
    }

    /// <summary>The pure core: the effective profile plus the raw text of its files (for suppression comments).</summary>
    public static ImmutableArray<LintFinding> Check(SecurityProfile profile, IReadOnlyDictionary<string, string> texts, HostFacts host)
    {
        var leaf = profile.Sources.IsDefaultOrEmpty ? profile.Origin.File : profile.Sources[0];
        var suppressions = texts.SelectMany(kv => Suppression.Parse(kv.Key, kv.Value)).ToList();
        var findings = new List<LintFinding>();
        foreach (var s in suppressions)
        {
            if (s.Reason.Length == 0)
            {
                findings.Add(new(LintRules.SuppressionWithoutReason, "hctr-lint suppression has no 'reason:'", s.Location));
            }

            foreach (var id in s.RuleIds.Where(id => !LintRules.ById.ContainsKey(id)))
            {
                findings.Add(new(LintRules.SuppressionUnknownRule, $"unknown lint rule '{id}'", s.Location));
            }
        }

        foreach (var f in LintChecks.Run(profile, host))
        {
            var by = suppressions.FirstOrDefault(s => s.Reason.Length > 0 && s.RuleIds.Contains(f.Rule.Id)
                && (s.Location.File == leaf || s.Location.File == f.Location.File));
            findings.Add(by is null ? f : f with { SuppressedBecause = $"{by.Reason} ({by.Location})" });
        }

        return [.. findings.OrderBy(f => f.Location.File, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Rule.Id, StringComparer.Ordinal)];
    }
}
