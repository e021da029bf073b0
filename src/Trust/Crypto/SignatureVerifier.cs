using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Hctr.Trust.Crypto;

/// <summary>Signature verification for the TUF key schemes, through BouncyCastle.</summary>
internal static class SignatureVerifier
{
    public static bool Verify(PublicKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        byte[] message = data.ToArray();
        byte[] sig = signature.ToArray();
        try
        {
            return (key.KeyType, key.Scheme) switch
            {
                (KeyTypes.Ed25519, KeyTypes.SchemeEd25519) => VerifyEd25519(key.Public, message, sig),
                (KeyTypes.Ecdsa or KeyTypes.EcdsaNistP256, KeyTypes.SchemeEcdsaP256) => VerifyEcdsaP256(key.Public, message, sig),
                (KeyTypes.Rsa, KeyTypes.SchemeRsaPss) => VerifyRsaPss(key.Public, message, sig),
                (KeyTypes.Rsa, KeyTypes.SchemeRsaPkcs1) => VerifyWith(SignerUtilities.GetSigner("SHA-256withRSA"), RsaKey(key.Public), message, sig),
                _ => throw new TrustVerificationException(TrustFailureReason.UnsupportedKey,
                    $"unsupported key type/scheme {key.KeyType}/{key.Scheme}"),
            };
        }
        catch (Exception e) when (e is not TrustVerificationException)
        {
            // Garbage key material or signature encoding: the signature does not count. Fail closed.
            return false;
        }
    }

    private static bool VerifyEd25519(string publicHex, byte[] message, byte[] sig)
    {
        byte[] raw = Convert.FromHexString(publicHex);
        if (raw.Length != Ed25519PublicKeyParameters.KeySize || sig.Length != Ed25519PrivateKeyParameters.SignatureSize) return false;
        var signer = new Ed25519Signer();
        signer.Init(false, new Ed25519PublicKeyParameters(raw));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.VerifySignature(sig);
    }

    private static bool VerifyEcdsaP256(string pem, byte[] message, byte[] sig)
    {
        var parameter = PemKeys.DecodePublic(pem);
        if (parameter is not ECPublicKeyParameters ec || ec.Parameters.Curve.FieldSize != 256) return false;
        return VerifyWith(SignerUtilities.GetSigner("SHA-256withECDSA"), ec, message, sig);
    }

    private static bool VerifyRsaPss(string pem, byte[] message, byte[] sig)
    {
        var rsa = RsaKey(pem);
        // Signers use a salt as long as the digest; some verify with "auto". Accept both lengths.
        int maxSalt = (rsa.Modulus.BitLength + 7) / 8 - 32 - 2;
        foreach (int salt in new[] { 32, maxSalt })
        {
            var signer = new PssSigner(new RsaBlindedEngine(), new Sha256Digest(), salt);
            if (VerifyWith(signer, rsa, message, sig)) return true;
        }
        return false;
    }

    private static RsaKeyParameters RsaKey(string pem) =>
        PemKeys.DecodePublic(pem) as RsaKeyParameters is { IsPrivate: false, Modulus.BitLength: >= 2048 } rsa
            ? rsa
            : throw new FormatException("not an RSA public key of at least 2048 bits");

    private static bool VerifyWith(ISigner signer, ICipherParameters key, byte[] message, byte[] sig)
    {
        signer.Init(false, key);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.VerifySignature(sig);
    }
}
