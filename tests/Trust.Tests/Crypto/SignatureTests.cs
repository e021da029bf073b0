using Hctr.Trust.Crypto;
using Xunit;

namespace Hctr.Trust.Tests.Crypto;

[Trait("Category", "Unit")]
public sealed class SignatureTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Ed25519)]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    public void SignThenVerify_RoundTrips_AndRejectsOtherMessage(KeyAlgorithm algorithm)
    {
        var key = SigningKey.Generate(algorithm);
        byte[] sig = key.Sign("hello"u8);

        Assert.True(key.Public.Verify("hello"u8, sig));
        Assert.False(key.Public.Verify("hellO"u8, sig));
        Assert.Equal(64, key.KeyId.Length);
    }

    [Fact]
    public void RsaPss_FromDotNetKey_SignsAndVerifies_BothWays()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var key = SigningKey.FromPkcs8(rsa.ExportPkcs8PrivateKey());
        Assert.Equal((KeyTypes.Rsa, KeyTypes.SchemeRsaPss), (key.Public.KeyType, key.Public.Scheme));
        Assert.True(key.Public.Verify("m"u8, key.Sign("m"u8)));
        byte[] dotnetSig = rsa.SignData("m"u8.ToArray(), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pss);
        Assert.True(key.Public.Verify("m"u8, dotnetSig));
        Assert.False(key.Public.Verify("n"u8, dotnetSig));
    }

    [Fact]
    public void Ecdsa_SignatureFromAnotherImplementation_Verifies()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var key = new PublicKey { KeyType = KeyTypes.EcdsaNistP256, Scheme = KeyTypes.SchemeEcdsaP256, Public = ecdsa.ExportSubjectPublicKeyInfoPem() };
        byte[] der = ecdsa.SignData("m"u8.ToArray(), System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence);
        Assert.True(key.Verify("m"u8, der));
        Assert.False(key.Verify("n"u8, der));
    }

    [Fact]
    public void EcdsaKeyType_ShortSpelling_IsAccepted()
    {
        var key = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        var shortForm = key.Public with { KeyType = KeyTypes.Ecdsa };
        Assert.True(shortForm.Verify("m"u8, key.Sign("m"u8)));
    }

    [Fact]
    public void Pkcs8_RoundTrips()
    {
        var key = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        var again = SigningKey.FromPkcs8(key.ExportPkcs8());
        Assert.Equal(key.KeyId, again.KeyId);
        Assert.True(key.Public.Verify("m"u8, again.Sign("m"u8)));
    }

    [Theory]
    [InlineData(KeyAlgorithm.Ed25519)]
    [InlineData(KeyAlgorithm.EcdsaP256)]
    public void Pem_ExportThenImport_GivesTheSameTufKey(KeyAlgorithm algorithm)
    {
        var key = SigningKey.Generate(algorithm);
        string pem = PemKeys.ToPem(key.Public);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem);
        Assert.Equal(key.KeyId, PemKeys.ToTufKey(pem).ComputeKeyId());
    }

    [Fact]
    public void Pem_Garbage_IsUnsupportedKey()
    {
        var e = Assert.Throws<TrustVerificationException>(() => PemKeys.ToTufKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        Assert.Equal(TrustFailureReason.UnsupportedKey, e.Reason);
    }

    [Fact]
    public void UnknownScheme_IsUnsupportedKey()
    {
        var key = new PublicKey { KeyType = "dsa", Scheme = "dsa-sha1", Public = "00" };
        var e = Assert.Throws<TrustVerificationException>(() => key.Verify("m"u8, new byte[4]));
        Assert.Equal(TrustFailureReason.UnsupportedKey, e.Reason);
    }

    [Fact]
    public void GarbageKeyMaterial_DoesNotVerify()
    {
        var key = new PublicKey { KeyType = KeyTypes.EcdsaNistP256, Scheme = KeyTypes.SchemeEcdsaP256, Public = "not pem" };
        Assert.False(key.Verify("m"u8, new byte[70]));
    }

    [Fact]
    public void KeyId_IsSha256OfCanonicalKey()
    {
        // Known vector: canonical {"keytype":"ed25519","keyval":{"public":"00"},"scheme":"ed25519"}.
        var key = new PublicKey { KeyType = "ed25519", Scheme = "ed25519", Public = "00" };
        byte[] canonical = "{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\"00\"},\"scheme\":\"ed25519\"}"u8.ToArray();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(canonical)), key.ComputeKeyId());
    }
}
