using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy;

/// <summary>An artifact's bytes, or null with the diagnostics that say why not.</summary>
public sealed record EmitResult(byte[]? Bytes, ImmutableArray<Diagnostic> Diagnostics);
