using System.Text;
using Org.BouncyCastle.Crypto;
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
