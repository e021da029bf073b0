using System.Collections.Immutable;

namespace Hctr.Policy.Explain;

/// <summary>What <see cref="ProfileExplainer"/> renders: sections in a fixed order, then the risks in the order found.</summary>
public sealed record Explanation(
    string Name,
    string Description,
    ImmutableArray<string> Sources,
    ImmutableArray<ExplainSection> Sections,
    ImmutableArray<ExplainRisk> Risks);
