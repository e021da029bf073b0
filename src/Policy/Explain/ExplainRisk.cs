using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Explain;

/// <summary>A risky permission and the profile line that grants it.</summary>
public sealed record ExplainRisk(RiskLevel Level, string Text, SourceLocation Origin, bool IsDefault);
