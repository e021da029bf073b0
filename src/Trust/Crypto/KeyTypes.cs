namespace Hctr.Trust.Crypto;

/// <summary>The TUF key type and scheme strings this client understands.</summary>
public static class KeyTypes
{
    public const string Ed25519 = "ed25519";
    public const string Ecdsa = "ecdsa";
    public const string EcdsaNistP256 = "ecdsa-sha2-nistp256";
    public const string Rsa = "rsa";
    public const string SchemeEd25519 = "ed25519";
    public const string SchemeEcdsaP256 = "ecdsa-sha2-nistp256";
    public const string SchemeRsaPss = "rsassa-pss-sha256";
    public const string SchemeRsaPkcs1 = "rsa-pkcs1v15-sha256";
}
