using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Hctr.Trust.Signatures;

/// <summary>
/// X.509 signatures over a simple-signing payload: a CMS SignedData, detached (the payload is the registry blob),
/// one signer, SHA-256 or stronger, the signer certificate and intermediates included. Verification checks the
/// signature, then builds the chain with the policy's roots as the only trust anchors (never the system store, no
/// downloads, no revocation checking), at the verification time, requiring the code-signing EKU when the chain
/// carries EKUs and digitalSignature when the leaf has a key usage extension.
/// </summary>
public static class CmsSignature
{
    private const string CodeSigningOid = "1.3.6.1.5.5.7.3.3";
    private static readonly string[] AllowedDigests = ["2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2", "2.16.840.1.101.3.4.2.3"];

    /// <summary>Signs <paramref name="payload"/> with <paramref name="signer"/> (which must hold its private key),
    /// embedding <paramref name="intermediates"/> so verifiers can build the chain.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> payload, X509Certificate2 signer, X509Certificate2Collection intermediates, DateTimeOffset now)
    {
        if (!signer.HasPrivateKey) throw new TrustVerificationException(TrustFailureReason.LocalState, "the signing certificate has no private key");
        var cms = new SignedCms(new ContentInfo(payload.ToArray()), detached: true);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            DigestAlgorithm = new Oid(AllowedDigests[0]),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        cmsSigner.Certificates.AddRange(intermediates);
        cmsSigner.SignedAttributes.Add(new Pkcs9SigningTime(now.UtcDateTime));
        cms.ComputeSignature(cmsSigner, silent: true);
        return cms.Encode();
    }

    /// <summary>Verifies <paramref name="cmsDer"/> over <paramref name="payload"/> and returns the signer: a display name
    /// and an identity (sha256 of the leaf's public key: one key counts once toward a threshold, however many certificates name it).</summary>
    public static (string Name, string Identity) Verify(ReadOnlySpan<byte> payload, byte[] cmsDer, X509Certificate2Collection roots, DateTimeOffset at)
    {
        var cms = new SignedCms(new ContentInfo(payload.ToArray()), detached: true);
        X509Certificate2 leaf;
        X509Certificate2Collection included;
        try
        {
            cms.Decode(cmsDer);
            if (cms.SignerInfos.Count != 1) throw Invalid($"CMS has {cms.SignerInfos.Count} signers, expected exactly one");
            var signerInfo = cms.SignerInfos[0];
            if (!AllowedDigests.Contains(signerInfo.DigestAlgorithm.Value))
                throw Invalid($"CMS digest algorithm {signerInfo.DigestAlgorithm.Value} is not SHA-256/384/512");
            leaf = signerInfo.Certificate ?? throw Invalid("CMS does not include the signer's certificate");
            included = cms.Certificates;
            try
            {
                signerInfo.CheckSignature(verifySignatureOnly: true);
            }
            catch (CryptographicException e)
            {
                throw Invalid($"CMS signature by '{leaf.Subject}' does not verify over the payload: {e.Message}");
            }
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            // Untrusted DER: any decoding failure (including in embedded certificates) is a typed refusal.
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"not a usable CMS SignedData: {e.Message}", inner: e);
        }
        try
        {
            CheckChain(leaf, included, roots, at);
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            // A certificate's extensions are decoded lazily (key usage here, policy mappings inside X509Chain.Build):
            // corrupt DER there is a refusal too, never an escaping exception.
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"a certificate in the CMS is malformed: {e.Message}", inner: e);
        }
        string identity = Convert.ToHexStringLower(SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo()));
        return ($"{leaf.Subject} (key {identity[..16]})", identity);
    }

    private static void CheckChain(X509Certificate2 leaf, X509Certificate2Collection included, X509Certificate2Collection roots, DateTimeOffset at)
    {
        var usage = leaf.Extensions["2.5.29.15"] is { } ku ? new X509KeyUsageExtension(ku, ku.Critical) : null;
        if (usage is not null && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature))
            throw Certificate($"'{leaf.Subject}': key usage {usage.KeyUsages} does not allow digitalSignature");
        var eku = leaf.Extensions["2.5.29.37"] is { } e ? new X509EnhancedKeyUsageExtension(e, e.Critical) : null;
        if (eku is not null && !eku.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == CodeSigningOid))
            throw Certificate($"'{leaf.Subject}': extended key usage does not include code signing ({CodeSigningOid})");
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(roots);
        policy.ExtraStore.AddRange(included);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = at.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        policy.ApplicationPolicy.Add(new Oid(CodeSigningOid));
        if (chain.Build(leaf)) return;
        var problems = chain.ChainStatus.Select(s => s.Status).Distinct().ToList();
        string detail = string.Join(", ", problems);
        if (problems.Contains(X509ChainStatusFlags.NotTimeValid))
            detail = $"a certificate in the chain is not valid at {at:u} ({detail})";
        else if (problems.Contains(X509ChainStatusFlags.UntrustedRoot) || problems.Contains(X509ChainStatusFlags.PartialChain))
            detail = $"the chain does not end at a root CA the policy names ({detail})";
        throw Certificate($"'{leaf.Subject}': {detail}");
    }

    private static TrustVerificationException Invalid(string message) => new(TrustFailureReason.SignatureInvalid, message);

    private static TrustVerificationException Certificate(string message) => new(TrustFailureReason.CertificateInvalid, message);
}
