using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>A lint rule: stable id (<c>HCTR-Lnnn</c>), severity, one-line rationale and fix hint, and its weight in the risk score.</summary>
public sealed record LintRule(string Id, Severity Severity, string Title, string Rationale, string Hint, int Weight);
