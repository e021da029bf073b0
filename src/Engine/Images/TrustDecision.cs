namespace Hctr.Engine.Images;

/// <summary>The answer of <see cref="IImageTrust"/>: trusted or not, why, and who vouched (for audit output): the
/// mechanism (tuf, cosign, x509, or none when unsafe) and, for signatures, how many of the trusted signers signed.</summary>
public sealed record TrustDecision(bool Trusted, string Reason, IReadOnlyList<string> Signers)
{
    public string? Mechanism { get; init; }

    /// <summary>"2 of 3": valid distinct signers of the trusted ones, when the mechanism counts them.</summary>
    public string? Count { get; init; }

    public static TrustDecision Accept(string reason, IReadOnlyList<string>? signers = null) => new(true, reason, signers ?? []);

    public static TrustDecision Refuse(string reason) => new(false, reason, []);
}
