namespace Hctr.Trust.Crypto;

/// <summary>Algorithms <see cref="SigningKey"/> can generate.</summary>
public enum KeyAlgorithm
{
    Ed25519,
    EcdsaP256,
    RsaPss,
}
