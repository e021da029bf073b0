using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Loading;

/// <summary><see cref="Profile"/> is null when any error was found. <see cref="Digest"/> covers every source text.</summary>
public sealed record ProfileLoadResult(SecurityProfile? Profile, ImmutableArray<Diagnostic> Diagnostics, string Digest)
{
    public bool Succeeded => Profile is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
