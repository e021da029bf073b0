namespace Hctr.Trust.Signatures;

/// <summary>A registry signature check that met its threshold: who signed (distinct trusted signers) and the counts.</summary>
public sealed record SignatureVerification(SignatureMechanism Mechanism, string ManifestDigest, IReadOnlyList<string> Signers,
    int Threshold, int TrustedSigners)
{
    /// <summary>"2 of 3": valid distinct signers of the trusted set.</summary>
    public string Count => $"{Signers.Count} of {TrustedSigners}";

    public override string ToString() =>
        $"{MechanismName(Mechanism)}: {Count} trusted signers signed {ManifestDigest} (threshold {Threshold}): {string.Join(", ", Signers)}";

    public static string MechanismName(SignatureMechanism mechanism) => mechanism switch
    {
        SignatureMechanism.Tuf => "tuf",
        SignatureMechanism.Cosign => "cosign",
        _ => "x509",
    };
}
