using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Import;

/// <summary><see cref="Yaml"/> is null when any error was found; warnings may accompany a successful import.</summary>
public sealed record ImportResult(string? Yaml, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => Yaml is not null;
}
