using Hctr.Trust.Signatures;

namespace Hctr.Trust.Policies;

/// <summary>One <c>images:</c> entry: an image-name pattern, its trust requirement and allowed profiles.</summary>
public sealed record ImageRule
{
    /// <summary>Glob over <c>REGISTRY/REPOSITORY</c>: <c>*</c> stays within a path segment, <c>**</c> crosses <c>/</c>.</summary>
    public required string Pattern { get; init; }
    /// <summary>The TUF requirement (<c>mechanism: tuf</c>, the default). Null with registry signatures or <c>unverified-unsafe</c>.</summary>
    public TrustRequirement? Trust { get; init; }
    /// <summary>The registry-signature requirement (<c>mechanism: cosign</c> or <c>x509</c>). Null otherwise.</summary>
    public SignatureRequirement? Signatures { get; init; }
    /// <summary>True only with <c>trust: unverified-unsafe</c>: neither TUF nor signatures are required.</summary>
    public bool Unverified => Trust is null && Signatures is null;
    /// <summary>The mechanism this rule requires; null when unverified.</summary>
    public SignatureMechanism? Mechanism => Trust is not null ? SignatureMechanism.Tuf : Signatures?.Mechanism;
    public IReadOnlyList<ProfileGrant> Profiles { get; init; } = [];
    /// <summary><c>file:line</c> of the rule, for messages.</summary>
    public required string Source { get; init; }

    public bool Matches(string imageName) => ImagePattern.Matches(imageName, Pattern);
}
