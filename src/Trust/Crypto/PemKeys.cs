using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Hctr.Trust.Crypto;

/// <summary>PEM "PUBLIC KEY" (SubjectPublicKeyInfo) encoding and decoding.</summary>
public static class PemKeys
{
    private const string Header = "-----BEGIN PUBLIC KEY-----";
    private const string Footer = "-----END PUBLIC KEY-----";

    /// <summary>Decodes a PEM SubjectPublicKeyInfo. Throws <see cref="FormatException"/> on anything else.</summary>
    public static AsymmetricKeyParameter DecodePublic(string pem)
    {
        int start = pem.IndexOf(Header, StringComparison.Ordinal);
        int end = pem.IndexOf(Footer, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new FormatException("not a PEM public key");
        string body = pem[(start + Header.Length)..end];
        byte[] der = Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))));
        return PublicKeyFactory.CreateKey(der);
    }

    /// <summary>Imports a PEM public key as a TUF key: Ed25519 (hex), ECDSA P-256, or RSA (RSA-PSS scheme).</summary>
    public static PublicKey ToTufKey(string pem)
    {
        AsymmetricKeyParameter parameter;
        try
        {
            parameter = DecodePublic(pem);
        }
        catch (Exception e) when (e is not TrustVerificationException)
        {
            throw new TrustVerificationException(TrustFailureReason.UnsupportedKey, $"not a PEM public key: {e.Message}");
        }
        return parameter switch
        {
            Ed25519PublicKeyParameters ed => new PublicKey { KeyType = KeyTypes.Ed25519, Scheme = KeyTypes.SchemeEd25519, Public = Convert.ToHexStringLower(ed.GetEncoded()) },
            ECPublicKeyParameters { Parameters.Curve.FieldSize: 256 } ec => new PublicKey { KeyType = KeyTypes.EcdsaNistP256, Scheme = KeyTypes.SchemeEcdsaP256, Public = EncodePublic(ec) },
            RsaKeyParameters { Modulus.BitLength: >= 2048 } rsa => new PublicKey { KeyType = KeyTypes.Rsa, Scheme = KeyTypes.SchemeRsaPss, Public = EncodePublic(rsa) },
            _ => throw new TrustVerificationException(TrustFailureReason.UnsupportedKey, "only Ed25519, ECDSA P-256 and RSA >= 2048 public keys are supported"),
        };
    }

    /// <summary>Exports a TUF key as PEM SubjectPublicKeyInfo.</summary>
    public static string ToPem(PublicKey key) => key.KeyType == KeyTypes.Ed25519
        ? EncodePublic(new Ed25519PublicKeyParameters(Convert.FromHexString(key.Public)))
        : EncodePublic(DecodePublic(key.Public));

    /// <summary>Encodes a public key as PEM SubjectPublicKeyInfo with a trailing newline.</summary>
    public static string EncodePublic(AsymmetricKeyParameter key)
    {
        byte[] der = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetEncoded();
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        string b64 = Convert.ToBase64String(der);
        for (int i = 0; i < b64.Length; i += 64) text.Append(b64.AsSpan(i, Math.Min(64, b64.Length - i))).Append('\n');
        text.Append(Footer).Append('\n');
        return text.ToString();
    }
}
