using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>One lint result. <see cref="SuppressedBecause"/> holds the reason when a comment disabled the rule; it is still reported.</summary>
public sealed record LintFinding(LintRule Rule, string Message, SourceLocation Location, string? SuppressedBecause = null)
{
    public bool Suppressed => SuppressedBecause is not null;

    public Diagnostic ToDiagnostic() => Suppressed
        ? new Diagnostic(Severity.Info, Rule.Id, $"{Message} [suppressed: {SuppressedBecause}]", Location)
        : new Diagnostic(Rule.Severity, Rule.Id, Message, Location, null, Rule.Hint);
}
