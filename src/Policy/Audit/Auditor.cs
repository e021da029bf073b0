using System.Collections.Immutable;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;

namespace Hctr.Policy.Audit;

/// <summary>
/// <c>hctr profile audit</c>: lint and risk per profile; with a <paramref name="baseline"/> source (the profiles
/// as they were at a revision), each profile is also diffed against its baseline and its widenings reported.
/// </summary>
public static class Auditor
{
    public static AuditResult Audit(IEnumerable<string> references, IProfileSource source, HostFacts host, IProfileSource? baseline = null,
        string? since = null)
    {
        var profiles = ImmutableArray.CreateBuilder<ProfileAudit>();
        foreach (var reference in references)
        {
            var lint = Linter.Lint(reference, source, host);
            var widenings = ImmutableArray<DiffEntry>.Empty;
            if (baseline is not null && lint.Load.Profile is { } now)
            {
                var before = ProfileLoader.Load(reference, baseline);
                widenings = before.Profile is { } old
                    ? [.. ProfileDiff.Compare(old, now, host).Where(d => d.Kind == ChangeKind.Widen)]
                    : [new DiffEntry(ChangeKind.Change, "profile", $"new since {since}", now.Origin)];
            }

            profiles.Add(new ProfileAudit(lint, RiskScore.Of(lint, widenings), widenings));
        }

        return new AuditResult(since, profiles.ToImmutable());
    }
}
