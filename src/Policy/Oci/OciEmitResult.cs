using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Oci;

/// <summary><see cref="Json"/> is null exactly when <see cref="Diagnostics"/> holds an error (HCTR1603 for what OCI cannot express).</summary>
public sealed record OciEmitResult(string? Json, ImmutableArray<Diagnostic> Diagnostics);
