using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Hctr.Trust.Crypto;

/// <summary>A private key that signs TUF metadata (repository side). Holds key material in memory only.</summary>
public sealed class SigningKey
{
    private readonly AsymmetricKeyParameter _private;

    private SigningKey(AsymmetricKeyParameter privateKey, PublicKey publicKey)
    {
        _private = privateKey;
        Public = publicKey;
        KeyId = publicKey.ComputeKeyId();
    }

    public PublicKey Public { get; }
    public string KeyId { get; }

    public static SigningKey Generate(KeyAlgorithm algorithm)
    {
        var random = new SecureRandom();
        switch (algorithm)
        {
            case KeyAlgorithm.Ed25519:
                var ed = new Ed25519PrivateKeyParameters(random);
                return FromPrivate(ed);
            case KeyAlgorithm.EcdsaP256:
                var ecGen = new ECKeyPairGenerator();
                ecGen.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
                return FromPrivate(ecGen.GenerateKeyPair().Private);
            case KeyAlgorithm.RsaPss:
                var rsaGen = new RsaKeyPairGenerator();
                rsaGen.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, 3072, 100));
                return FromPrivate(rsaGen.GenerateKeyPair().Private);
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm));
        }
    }

    /// <summary>Builds a signing key from a PKCS#8 DER private key.</summary>
    public static SigningKey FromPkcs8(byte[] der) => FromPrivate(PrivateKeyFactory.CreateKey(der));

    /// <summary>The PKCS#8 DER encoding of the private key. Callers must encrypt it before it touches disk.</summary>
    public byte[] ExportPkcs8() => PrivateKeyInfoFactory.CreatePrivateKeyInfo(_private).GetEncoded();

    private static SigningKey FromPrivate(AsymmetricKeyParameter key)
    {
        PublicKey pub = key switch
        {
            Ed25519PrivateKeyParameters ed => new PublicKey
            {
                KeyType = KeyTypes.Ed25519, Scheme = KeyTypes.SchemeEd25519,
                Public = Convert.ToHexStringLower(ed.GeneratePublicKey().GetEncoded()),
            },
            ECPrivateKeyParameters ec => new PublicKey
            {
                KeyType = KeyTypes.EcdsaNistP256, Scheme = KeyTypes.SchemeEcdsaP256,
                Public = PemKeys.EncodePublic(new ECPublicKeyParameters(ec.Parameters.G.Multiply(ec.D).Normalize(), ec.Parameters)),
            },
            RsaPrivateCrtKeyParameters rsa => new PublicKey
            {
                KeyType = KeyTypes.Rsa, Scheme = KeyTypes.SchemeRsaPss,
                Public = PemKeys.EncodePublic(new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent)),
            },
            _ => throw new TrustVerificationException(TrustFailureReason.UnsupportedKey, "unsupported private key type"),
        };
        return new SigningKey(key, pub);
    }

    /// <summary>Signs <paramref name="data"/> with this key's scheme (Ed25519 raw, ECDSA DER, RSA-PSS salt = 32).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        ISigner signer = _private switch
        {
            Ed25519PrivateKeyParameters => new Ed25519Signer(),
            ECPrivateKeyParameters => SignerUtilities.GetSigner("SHA-256withECDSA"),
            RsaKeyParameters => new PssSigner(new RsaBlindedEngine(), new Sha256Digest(), 32),
            _ => throw new InvalidOperationException("unsupported key"),
        };
        signer.Init(true, _private);
        byte[] message = data.ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }
}
