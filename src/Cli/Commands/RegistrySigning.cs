using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Trust;
using Hctr.Trust.Images;
using Hctr.Trust.Signatures;

namespace Hctr.Cli.Commands;

/// <summary>
/// <c>hctr trust sign --registry IMAGE@sha256:DIGEST (--key K | --cert CERT.pem --key KEY.pem)</c>: appends one
/// signature layer (a simple-signing payload naming the repository and digest) to the image's <c>sha256-HEX.sig</c>
/// manifest and pushes it. Signers take turns to meet a threshold. The digest must exist in the registry.
/// Two signers pushing at the same moment can lose one signature (the tag is read, extended and rewritten); run them in turn.
/// </summary>
internal static class RegistrySigning
{
    public static async Task SignAsync(ImageReference reference, string keyPath, string? certPath, Func<string, Hctr.Trust.Crypto.SigningKey> loadKey, CancellationToken ct)
    {
        string digest = reference.Digest ?? throw new TrustVerificationException(TrustFailureReason.Malformed, "sign --registry needs IMAGE@sha256:DIGEST");
        var location = ImageLocation.Of(reference);
        using var client = new RegistryClient(ImageCommands.RegistryOptions());
        var publisher = new RegistrySignaturePublisher(client);
        SignatureManifest manifest;
        string signer;
        if (certPath is null)
        {
            var key = loadKey(keyPath);
            if (await AlreadySignedAsync(await publisher.ReadAsync(reference, ct), new RegistrySignatureSource(client, location), key.Public, ct))
            {
                Console.Out.WriteLine($"{reference.Name}@{digest} already carries a signature by {key.KeyId[..16]}; nothing pushed");
                return;
            }
            manifest = await publisher.AppendAsync(reference, SignatureFormats.CosignSignatureAnnotation, p => Convert.ToBase64String(key.Sign(p)), ct);
            signer = $"cosign signature by key {key.KeyId[..16]}";
        }
        else
        {
            var (certificate, intermediates) = LoadCertificate(certPath, keyPath);
            using (certificate)
            {
                manifest = await publisher.AppendAsync(reference, SignatureFormats.CmsSignatureAnnotation,
                    p => Convert.ToBase64String(CmsSignature.Sign(p, certificate, intermediates, DateTimeOffset.UtcNow)), ct);
                signer = $"x509 CMS signature by '{certificate.Subject}'";
            }
        }
        Console.Out.WriteLine($"signed {reference.Name}@{digest}: {signer}");
        Console.Out.WriteLine($"pushed {location}:{SignatureFormats.TagFor(digest)} ({manifest.Layers.Count} signature{(manifest.Layers.Count == 1 ? "" : "s")})");
    }

    /// <summary>Does a cosign layer of <paramref name="existing"/> already verify with <paramref name="key"/>? (idempotent signing)</summary>
    private static async Task<bool> AlreadySignedAsync(SignatureManifest existing, RegistrySignatureSource source, Hctr.Trust.Crypto.PublicKey key, CancellationToken ct)
    {
        foreach (var layer in existing.Layers)
        {
            if (layer.Annotation(SignatureFormats.CosignSignatureAnnotation) is not { } text || layer.Size > SignatureFormats.MaxPayloadBytes) continue;
            byte[] payload = await source.GetBlobAsync(layer.Digest, SignatureFormats.MaxPayloadBytes, ct);
            try
            {
                if (Digests.Of(payload) == layer.Digest && key.Verify(payload, Convert.FromBase64String(text))) return true;
            }
            catch (FormatException)
            {
                // Someone else's malformed layer: not ours.
            }
        }
        return false;
    }

    /// <summary>The signer certificate (first in CERT.pem) with its private key (KEY.pem; an encrypted PKCS#8 key takes
    /// $HCTR_KEY_PASSPHRASE), and the other certificates of CERT.pem that are not self-signed (the intermediates).</summary>
    private static (X509Certificate2, X509Certificate2Collection) LoadCertificate(string certPath, string keyPath)
    {
        try
        {
            string keyText = File.ReadAllText(keyPath);
            var certificate = keyText.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromEncryptedPemFile(certPath,
                    Environment.GetEnvironmentVariable("HCTR_KEY_PASSPHRASE") ?? throw new TrustVerificationException(TrustFailureReason.LocalState,
                        $"{keyPath} is encrypted: set HCTR_KEY_PASSPHRASE"), keyPath)
                : X509Certificate2.CreateFromPemFile(certPath, keyPath);
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(certPath);
            var intermediates = new X509Certificate2Collection();
            foreach (var c in all.Skip(1))
                if (c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) is false) intermediates.Add(c);
            return (certificate, intermediates);
        }
        catch (CryptographicException e)
        {
            throw new TrustVerificationException(TrustFailureReason.LocalState, $"{certPath} / {keyPath}: {e.Message}", inner: e);
        }
    }
}
