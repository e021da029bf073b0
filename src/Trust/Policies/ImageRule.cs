namespace Hctr.Trust.Policies;

/// <summary>One <c>images:</c> entry: an image-name pattern, its trust requirement and allowed profiles.</summary>
public sealed record ImageRule
{
    /// <summary>Glob over <c>REGISTRY/REPOSITORY</c>: <c>*</c> stays within a path segment, <c>**</c> crosses <c>/</c>.</summary>
    public required string Pattern { get; init; }
    /// <summary>Null only with <c>trust: unverified-unsafe</c>.</summary>
    public TrustRequirement? Trust { get; init; }
    public IReadOnlyList<ProfileGrant> Profiles { get; init; } = [];
    /// <summary><c>file:line</c> of the rule, for messages.</summary>
    public required string Source { get; init; }

    public bool Matches(string imageName) => ImagePattern.Matches(imageName, Pattern);
}
