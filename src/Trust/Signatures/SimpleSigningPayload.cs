using System.Text;
using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Signatures;

/// <summary>
/// A simple-signing payload (containers-signature(5), as cosign uses it): the image identity and manifest digest a
/// signature vouches for. Parsing is strict: duplicate keys, unknown keys in <c>critical</c>, a type other than
/// cosign's, or a digest that is not sha256 are <see cref="TrustFailureReason.Malformed"/>. Key names are matched
/// exactly (Go's case-insensitive decoding is not followed: no second reading of the same bytes).
/// </summary>
public sealed record SimpleSigningPayload(string DockerReference, string ManifestDigest)
{
    private const string What = "signature payload";

    public static SimpleSigningPayload Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ParseCore(bytes);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // System.Text.Json decodes strings lazily: invalid UTF-8 or a lone surrogate escape surfaces on first read.
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"{What}: invalid JSON text: {e.Message}", What, e);
        }
    }

    private static SimpleSigningPayload ParseCore(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > SignatureFormats.MaxPayloadBytes)
            throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"{What} is {bytes.Length} bytes, over the {SignatureFormats.MaxPayloadBytes}-byte cap");
        var top = JsonRead.ParseObject(bytes, What);
        OnlyKeys(top, "top level", "critical", "optional");
        var critical = JsonRead.Object(top, "critical", What);
        OnlyKeys(critical, "critical", "identity", "image", "type");
        if (top["optional"] is not (null or JsonObject)) throw JsonRead.Malformed(What, "'optional' must be an object or null");
        string type = JsonRead.String(critical, "type", What + ".critical");
        if (type != SignatureFormats.CosignPayloadType)
            throw JsonRead.Malformed(What, $"critical.type is '{type}', expected '{SignatureFormats.CosignPayloadType}'");
        var identity = JsonRead.Object(critical, "identity", What + ".critical");
        OnlyKeys(identity, "critical.identity", "docker-reference");
        var image = JsonRead.Object(critical, "image", What + ".critical");
        OnlyKeys(image, "critical.image", "docker-manifest-digest");
        string reference = JsonRead.String(identity, "docker-reference", What + ".critical.identity");
        string digest = JsonRead.String(image, "docker-manifest-digest", What + ".critical.image");
        if (!SignatureFormats.IsSha256Digest(digest)) throw JsonRead.Malformed(What, $"docker-manifest-digest '{digest}' is not sha256:<64 lowercase hex>");
        if (reference.Length == 0 || reference.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw JsonRead.Malformed(What, "docker-reference must be a non-empty image name");
        return new SimpleSigningPayload(reference, digest);
    }

    /// <summary>The payload bytes cosign writes for this identity (<c>optional</c> null), compact JSON.</summary>
    public byte[] ToBytes()
    {
        var o = new JsonObject
        {
            ["critical"] = new JsonObject
            {
                ["identity"] = new JsonObject { ["docker-reference"] = DockerReference },
                ["image"] = new JsonObject { ["docker-manifest-digest"] = ManifestDigest },
                ["type"] = SignatureFormats.CosignPayloadType,
            },
            ["optional"] = null,
        };
        return Encoding.UTF8.GetBytes(o.ToJsonString());
    }

    /// <summary>Does the payload name this image? <c>docker-reference</c> must be the repository
    /// (<c>REGISTRY/REPOSITORY</c>, what cosign writes) or the repository with the requested tag.</summary>
    public bool Names(string repository, string? tag) =>
        DockerReference == repository || (tag is not null && DockerReference == $"{repository}:{tag}");

    private static void OnlyKeys(JsonObject obj, string where, params string[] allowed)
    {
        foreach (var (key, _) in obj)
            if (!allowed.Contains(key)) throw JsonRead.Malformed(What, $"unknown key '{key}' in {where}");
    }
}
