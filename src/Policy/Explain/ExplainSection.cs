using System.Collections.Immutable;

namespace Hctr.Policy.Explain;

public sealed record ExplainSection(string Title, ImmutableArray<ExplainItem> Items);
