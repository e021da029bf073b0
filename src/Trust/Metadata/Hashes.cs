using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Metadata;

/// <summary>Length and hash checks of downloaded bytes against trusted values.</summary>
internal static class Hashes
{
    public static IReadOnlyDictionary<string, string> FromJson(JsonObject obj, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (algorithm, node) in obj) result[algorithm] = JsonRead.AsString(node, $"{what}.hashes");
        if (result.Count == 0) throw JsonRead.Malformed(what, "hashes must not be empty");
        return result;
    }

    public static JsonObject ToJson(IReadOnlyDictionary<string, string> hashes)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in hashes) obj[k] = v;
        return obj;
    }

    public static void VerifyLength(ReadOnlySpan<byte> data, long expected, string what)
    {
        if (data.Length != expected)
            throw new TrustVerificationException(TrustFailureReason.LengthMismatch,
                $"{what}: length {data.Length} differs from trusted length {expected}", what);
    }

    /// <summary>Every listed hash must match; an algorithm we cannot compute fails closed.</summary>
    public static void Verify(ReadOnlySpan<byte> data, IReadOnlyDictionary<string, string> expected, string what)
    {
        foreach (var (algorithm, hex) in expected)
        {
            byte[] actual = algorithm switch
            {
                "sha256" => SHA256.HashData(data),
                "sha384" => SHA384.HashData(data),
                "sha512" => SHA512.HashData(data),
                _ => throw new TrustVerificationException(TrustFailureReason.HashMismatch,
                    $"{what}: unsupported hash algorithm '{algorithm}'", what),
            };
            if (!string.Equals(Convert.ToHexStringLower(actual), hex, StringComparison.OrdinalIgnoreCase))
                throw new TrustVerificationException(TrustFailureReason.HashMismatch, $"{what}: {algorithm} mismatch", what);
        }
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
