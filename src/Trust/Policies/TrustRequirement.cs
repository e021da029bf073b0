namespace Hctr.Trust.Policies;

/// <summary>Where an image's trust comes from and what the signatures must satisfy.</summary>
public sealed record TrustRequirement
{
    /// <summary>Base URL of the TUF metadata repository.</summary>
    public required Uri MetadataUrl { get; init; }
    /// <summary>Path of the trusted root.json (the root of trust for this rule).</summary>
    public required string RootFile { get; init; }
    /// <summary>When set, the target must be signed by this role (the last element of the role path).</summary>
    public string? Role { get; init; }
    /// <summary>When non-empty, at least <see cref="Threshold"/> of these key ids must have signed the target's role.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
    public int Threshold { get; init; } = 1;
}
