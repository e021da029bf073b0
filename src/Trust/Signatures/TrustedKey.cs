using Hctr.Trust.Crypto;

namespace Hctr.Trust.Signatures;

/// <summary>A public key the policy trusts for cosign-style signatures, with the name messages use (its file name).</summary>
public sealed record TrustedKey(string Name, PublicKey Key)
{
    public string KeyId { get; } = Key.ComputeKeyId();
}
