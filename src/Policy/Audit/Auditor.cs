using System.Collections.Immutable;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;

namespace Hctr.Policy.Audit;

/// <summary>
/// <c>hctr profile audit</c>: lint and risk per profile (in parallel; <paramref name="source"/> and <paramref name="baseline"/> must be safe to read concurrently); with a <paramref name="baseline"/> source (the profiles
/// as they were at a revision), each profile is also diffed against its baseline and its widenings reported.
/// </summary>
public static class Auditor
{
    public static AuditResult Audit(IEnumerable<string> references, IProfileSource source, HostFacts host, IProfileSource? baseline = null,
        string? since = null)
    {
        // Profiles are independent: audit them in parallel, report them in the order given.
        var profiles = references.AsParallel().AsOrdered().Select(reference =>
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

            return new ProfileAudit(lint, RiskScore.Of(lint, widenings), widenings);
        }).ToImmutableArray();

        return new AuditResult(since, profiles);
    }
}
