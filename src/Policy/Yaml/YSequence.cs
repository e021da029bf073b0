using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Yaml;

public sealed record YSequence(ImmutableArray<YNode> Items, SourceLocation Location) : YNode(Location);
