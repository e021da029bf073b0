using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Crypto;

/// <summary>A TUF public key: key type, signature scheme and the public value, as metadata spells them.</summary>
public sealed record PublicKey
{
    public required string KeyType { get; init; }
    public required string Scheme { get; init; }
    /// <summary>Hex (ed25519) or PEM SubjectPublicKeyInfo (ecdsa, rsa).</summary>
    public required string Public { get; init; }

    /// <summary>The TUF key id: hex sha256 of the canonical JSON of the key object.</summary>
    public string ComputeKeyId() => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(ToJson())));

    public JsonObject ToJson() => new()
    {
        ["keytype"] = KeyType,
        ["scheme"] = Scheme,
        ["keyval"] = new JsonObject { ["public"] = Public },
    };

    internal static PublicKey FromJson(JsonObject obj, string what)
    {
        var keyval = JsonRead.Object(obj, "keyval", what);
        return new PublicKey
        {
            KeyType = JsonRead.String(obj, "keytype", what),
            Scheme = JsonRead.String(obj, "scheme", what),
            Public = JsonRead.String(keyval, "public", what),
        };
    }

    /// <summary>True when <paramref name="signature"/> is a valid signature of <paramref name="data"/>.
    /// Unsupported key types throw <see cref="TrustFailureReason.UnsupportedKey"/> (callers treat as "not counted").</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        SignatureVerifier.Verify(this, data, signature);
}
