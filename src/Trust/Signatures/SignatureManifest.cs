using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hctr.Trust.Json;

namespace Hctr.Trust.Signatures;

/// <summary>
/// The OCI manifest stored under <c>sha256-HEX.sig</c>: its layers are the signatures. <see cref="Parse"/> is the
/// envelope parser (untrusted bytes: capped, strict, typed refusals only); <see cref="Build"/> writes the manifest
/// and config cosign writes (an empty image whose layers are the payloads), for appending a signature.
/// </summary>
public sealed record SignatureManifest(IReadOnlyList<SignatureLayer> Layers)
{
    private const string What = "signature manifest";

    public static SignatureManifest Parse(ReadOnlySpan<byte> bytes)
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

    private static SignatureManifest ParseCore(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > SignatureFormats.MaxManifestBytes)
            throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"{What} is {bytes.Length} bytes, over the {SignatureFormats.MaxManifestBytes}-byte cap");
        var top = JsonRead.ParseObject(bytes, What);
        if (JsonRead.Integer(top, "schemaVersion", What) != 2) throw JsonRead.Malformed(What, "schemaVersion must be 2");
        if (top.ContainsKey("mediaType") && JsonRead.String(top, "mediaType", What) is var type && type != SignatureFormats.OciManifestMediaType)
            throw JsonRead.Malformed(What, $"media type '{type}' is not an OCI image manifest");
        var layers = JsonRead.Array(top, "layers", What);
        if (layers.Count > SignatureFormats.MaxLayers)
            throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"{What} has {layers.Count} layers, over the cap of {SignatureFormats.MaxLayers}");
        var result = new List<SignatureLayer>(layers.Count);
        for (int i = 0; i < layers.Count; i++)
        {
            string where = $"{What} layer {i}";
            var layer = layers[i] as JsonObject ?? throw JsonRead.Malformed(where, "must be an object");
            string digest = JsonRead.String(layer, "digest", where);
            if (!SignatureFormats.IsSha256Digest(digest)) throw JsonRead.Malformed(where, $"digest '{digest}' is not sha256:<64 lowercase hex>");
            long size = JsonRead.Integer(layer, "size", where);
            if (size < 0) throw JsonRead.Malformed(where, "negative size");
            var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            if (JsonRead.OptionalObject(layer, "annotations", where) is { } a)
                foreach (var (key, value) in a) annotations[key] = JsonRead.AsString(value, $"{where} annotation {key}");
            result.Add(new SignatureLayer(JsonRead.String(layer, "mediaType", where), digest, size, annotations));
        }
        return new SignatureManifest(result);
    }

    /// <summary>This manifest with <paramref name="layer"/> appended.</summary>
    public SignatureManifest Append(SignatureLayer layer) => new([.. Layers, layer]);

    /// <summary>The manifest bytes and the config blob they reference (an empty image config listing the payload digests).</summary>
    public (byte[] Manifest, byte[] Config) Build()
    {
        var config = new JsonObject
        {
            ["architecture"] = "",
            ["created"] = "0001-01-01T00:00:00Z",
            ["history"] = new JsonArray(Layers.Select(_ => (JsonNode)new JsonObject { ["created"] = "0001-01-01T00:00:00Z" }).ToArray()),
            ["os"] = "",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(Layers.Select(l => (JsonNode)l.Digest).ToArray()) },
            ["config"] = new JsonObject(),
        };
        byte[] configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = SignatureFormats.OciManifestMediaType,
            ["config"] = new JsonObject
            {
                ["mediaType"] = SignatureFormats.OciConfigMediaType,
                ["size"] = configBytes.Length,
                ["digest"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(configBytes)),
            },
            ["layers"] = new JsonArray(Layers.Select(l => (JsonNode)new JsonObject
            {
                ["mediaType"] = l.MediaType,
                ["size"] = l.Size,
                ["digest"] = l.Digest,
                ["annotations"] = new JsonObject(l.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
            }).ToArray()),
        };
        return (Encoding.UTF8.GetBytes(manifest.ToJsonString()), configBytes);
    }
}
