using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>
/// One <c>requiredSigners:</c> entry of an organisation policy: images whose <c>REGISTRY/REPOSITORY</c> matches
/// <see cref="Image"/> (the trust policy's glob: <c>*</c> within a segment, <c>**</c> across, <c>?</c> one character)
/// may only run when at least <see cref="Threshold"/> of <see cref="Keys"/> (TUF key ids) signed them.
/// Policy only holds the demand; checking it against a trust policy is the caller's job.
/// </summary>
public sealed record RequiredSigners(string Image, ImmutableArray<string> Keys, int Threshold, SourceLocation At);
