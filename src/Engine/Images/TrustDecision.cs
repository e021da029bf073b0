namespace Hctr.Engine.Images;

/// <summary>The answer of <see cref="IImageTrust"/>: trusted or not, why, and who vouched (for audit output).</summary>
public sealed record TrustDecision(bool Trusted, string Reason, IReadOnlyList<string> Signers)
{
    public static TrustDecision Accept(string reason, IReadOnlyList<string>? signers = null) => new(true, reason, signers ?? []);

    public static TrustDecision Refuse(string reason) => new(false, reason, []);
}
