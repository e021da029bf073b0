using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

/// <summary>A target path inside the container where a run may bind a volume, and the modes allowed there.</summary>
public sealed record VolumeRule(string Target, ImmutableArray<VolumeMode> Modes, SourceLocation Origin);
