using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hctr.Trust.Crypto;
using Hctr.Trust.Policies;

namespace Hctr.Trust.Signatures;

/// <summary>
/// Who may sign for a rule and how many must: public keys (cosign) or root CA certificates (x509), and the threshold
/// of distinct signers. <see cref="Load"/> reads the files a <see cref="SignatureRequirement"/> names.
/// </summary>
public sealed class SignerSet
{
    private SignerSet(SignatureMechanism mechanism, IReadOnlyList<TrustedKey> keys, X509Certificate2Collection roots, int threshold)
    {
        Mechanism = mechanism;
        Keys = keys;
        Roots = roots;
        Threshold = threshold;
    }

    public SignatureMechanism Mechanism { get; }
    public IReadOnlyList<TrustedKey> Keys { get; }
    public X509Certificate2Collection Roots { get; }
    public int Threshold { get; }

    /// <summary>How many distinct signers could sign: the keys, or (x509) unbounded, reported as the threshold.</summary>
    public int TrustedCount => Mechanism == SignatureMechanism.Cosign ? Keys.Count : Threshold;

    public static SignerSet ForKeys(IReadOnlyList<TrustedKey> keys, int threshold)
    {
        if (keys.Count == 0 || threshold < 1 || threshold > keys.Count)
            throw new ArgumentException($"threshold {threshold} must be between 1 and {keys.Count} keys");
        return new SignerSet(SignatureMechanism.Cosign, keys, [], threshold);
    }

    public static SignerSet ForRoots(X509Certificate2Collection roots, int threshold)
    {
        if (roots.Count == 0 || threshold < 1) throw new ArgumentException("x509 needs at least one root and a threshold of at least 1");
        return new SignerSet(SignatureMechanism.X509, [], roots, threshold);
    }

    /// <summary>Reads the key or root files of <paramref name="requirement"/>, relative to <paramref name="baseDirectory"/>
    /// (the policy file's directory). Unreadable or unusable files are <see cref="TrustFailureReason.LocalState"/>.</summary>
    public static SignerSet Load(SignatureRequirement requirement, string baseDirectory)
    {
        if (requirement.Mechanism == SignatureMechanism.Cosign)
        {
            var keys = requirement.Keys.Select(k => LoadKey(Path.Combine(baseDirectory, k), requirement.Source)).ToList();
            var duplicate = keys.GroupBy(k => k.KeyId).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new TrustVerificationException(TrustFailureReason.LocalState,
                    $"{requirement.Source}: {string.Join(" and ", duplicate.Select(k => k.Name))} are the same key (a threshold needs distinct keys)");
            return ForKeys(keys, requirement.Threshold);
        }
        var roots = new X509Certificate2Collection();
        foreach (string file in requirement.Roots)
        {
            string path = Path.Combine(baseDirectory, file);
            try
            {
                var found = new X509Certificate2Collection();
                found.ImportFromPemFile(path);
                if (found.Count == 0) throw new CryptographicException("no certificate in the file");
                roots.AddRange(found);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new TrustVerificationException(TrustFailureReason.LocalState, $"{requirement.Source}: root CA file {path}: {e.Message}", inner: e);
            }
        }
        return ForRoots(roots, requirement.Threshold);
    }

    /// <summary>A PEM public key (cosign.pub: ECDSA P-256, Ed25519 or RSA) or an hctr/TUF public key file.</summary>
    public static TrustedKey LoadKey(string path, string source)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{source}: key file {path}: {e.Message}", inner: e);
        }
        Crypto.PublicKey key;
        try
        {
            // A JSON key file (hctr/TUF; ECDSA ones hold PEM inside) starts with '{'; anything else is read as PEM.
            key = text.TrimStart().StartsWith('{') ? KeyFile.ReadPublic(path) : PemKeys.ToTufKey(text);
        }
        catch (TrustVerificationException e)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{source}: key file {path}: {e.Message}", inner: e);
        }
        // cosign signs with RSA PKCS#1 v1.5 (SHA-256); TUF's RSA default is PSS.
        if (key.KeyType == KeyTypes.Rsa) key = key with { Scheme = KeyTypes.SchemeRsaPkcs1 };
        return new TrustedKey(Path.GetFileName(path), key);
    }
}
