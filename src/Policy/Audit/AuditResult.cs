using System.Collections.Immutable;

namespace Hctr.Policy.Audit;

/// <summary>The audit of a set of profiles; <see cref="Since"/> names the baseline revision, if any.</summary>
public sealed record AuditResult(string? Since, ImmutableArray<ProfileAudit> Profiles)
{
    public bool HasFindings => Profiles.Any(p => p.Lint.HasFindings || p.Widenings.Any(w => w.Kind == ChangeKind.Widen));

    public bool HasInputErrors => Profiles.Any(p => !p.Lint.Load.Succeeded);
}
