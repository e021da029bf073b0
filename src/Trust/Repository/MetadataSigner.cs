using System.Text.Json;
using System.Text.Json.Nodes;
using Hctr.Trust.Crypto;
using Hctr.Trust.Json;
using Hctr.Trust.Metadata;

namespace Hctr.Trust.Repository;

/// <summary>Signs the canonical form of <c>signed</c> and produces the metadata file bytes.</summary>
public static class MetadataSigner
{
    /// <summary>A new envelope signed by every key in <paramref name="keys"/>.</summary>
    public static byte[] Sign(JsonObject signed, IEnumerable<SigningKey> keys) =>
        Serialize(signed, keys.Select(k => SignatureOf(signed, k)));

    /// <summary>Adds signatures to an existing envelope (several signers meeting a threshold in turn).
    /// A key that already signed is replaced, never duplicated.</summary>
    public static byte[] AddSignatures(ReadOnlySpan<byte> envelopeBytes, IEnumerable<SigningKey> keys)
    {
        var root = JsonRead.ParseObject(envelopeBytes, "envelope");
        var signed = JsonRead.Object(root, "signed", "envelope");
        var signatures = new Dictionary<string, Signature>(StringComparer.Ordinal);
        foreach (var node in JsonRead.Array(root, "signatures", "envelope"))
        {
            var s = node as JsonObject ?? throw JsonRead.Malformed("envelope", "signature must be an object");
            string keyId = JsonRead.String(s, "keyid", "envelope");
            signatures[keyId] = new Signature(keyId, JsonRead.String(s, "sig", "envelope"));
        }
        foreach (var key in keys) signatures[key.KeyId] = SignatureOf(signed, key);
        return Serialize(signed, signatures.Values);
    }

    private static Signature SignatureOf(JsonObject signed, SigningKey key) =>
        new(key.KeyId, Convert.ToHexStringLower(key.Sign(CanonicalJson.Serialize(signed))));

    private static byte[] Serialize(JsonObject signed, IEnumerable<Signature> signatures)
    {
        var array = new JsonArray();
        foreach (var s in signatures) array.Add((JsonNode)new JsonObject { ["keyid"] = s.KeyId, ["sig"] = s.SignatureHex });
        var envelope = new JsonObject { ["signatures"] = array, ["signed"] = signed.DeepClone() };
        // Files are ordinary JSON (canonical JSON may hold raw control characters, e.g. PEM newlines);
        // only the signed bytes are canonical.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            envelope.WriteTo(writer);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
