using System.Collections.Immutable;

namespace Hctr.Policy.Audit;

/// <summary>One profile in an audit: its lint, risk, and (with a baseline) what it widens relative to it.</summary>
public sealed record ProfileAudit(LintReport Lint, RiskScore Risk, ImmutableArray<DiffEntry> Widenings);
