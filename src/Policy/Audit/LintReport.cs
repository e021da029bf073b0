using System.Collections.Immutable;
using Hctr.Policy.Loading;

namespace Hctr.Policy.Audit;

/// <summary>Lint of one profile: the load result (errors stop the lint) and the findings, suppressed ones included.</summary>
public sealed record LintReport(string Reference, ProfileLoadResult Load, ImmutableArray<LintFinding> Findings)
{
    public IEnumerable<LintFinding> Active => Findings.Where(f => !f.Suppressed);

    public bool HasFindings => !Load.Succeeded || Active.Any();
}
