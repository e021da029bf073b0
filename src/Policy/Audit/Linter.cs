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
        var recording = new RecordingSource(source);
        var load = ProfileLoader.Load(reference, recording);
        return load.Profile is null ? new LintReport(reference, load, []) : new LintReport(reference, load, Check(load.Profile, recording.Texts, host));
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

    /// <summary>Keeps the text of every file the loader read, by its canonical name, so suppressions need no second read.</summary>
    private sealed class RecordingSource(IProfileSource inner) : IProfileSource
    {
        public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

        public ProfileText Read(string reference, string? from)
        {
            var t = inner.Read(reference, from);
            if (t.Text is not null)
            {
                Texts[t.Name] = t.Text;
            }

            return t;
        }
    }
}
