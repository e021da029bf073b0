using Hctr.Trust.Signatures;

namespace Hctr.Trust.Policies;

/// <summary>
/// A rule's registry-signature requirement: <c>mechanism: cosign</c> (alias <c>signatures</c>) with public key files,
/// or <c>mechanism: x509</c> with root CA certificate files; and how many distinct signers must have signed.
/// File names are relative to the policy file (loaded by <see cref="SignerSet.Load"/>).
/// </summary>
public sealed record SignatureRequirement
{
    public required SignatureMechanism Mechanism { get; init; }
    /// <summary>cosign: public key files (PEM, as <c>cosign.pub</c>, or hctr <c>.pub</c>).</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
    /// <summary>x509: PEM files of the root CAs that signer certificates must chain to.</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];
    public int Threshold { get; init; } = 1;
    /// <summary><c>file:line</c> of the <c>trust:</c> mapping, for messages.</summary>
    public required string Source { get; init; }
}
