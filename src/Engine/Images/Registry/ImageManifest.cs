using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Registry;

/// <summary>An image manifest (OCI or Docker schema 2): one config and ordered layers.</summary>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers)
{
    public static ImageManifest Parse(ReadOnlySpan<byte> bytes, string? mediaTypeHint = null)
    {
        var o = ManifestJson.Object(bytes);
        string mediaType = o["mediaType"]?.GetValue<string>() ?? mediaTypeHint ?? MediaTypes.OciManifest;
        if (!MediaTypes.IsManifest(mediaType))
            throw new RegistryException(RegistryFailureReason.UnsupportedMediaType, $"not an image manifest: {mediaType}");
        var config = Descriptor.Parse(o["config"], "manifest config");
        var layers = (o["layers"] as JsonArray ?? throw new RegistryException(RegistryFailureReason.Protocol, "manifest without layers"))
            .Select((l, i) => Descriptor.Parse(l, $"manifest layer {i}")).ToList();
        return new ImageManifest(mediaType, config, layers);
    }

    public byte[] ToJsonBytes()
    {
        var o = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaType,
            ["config"] = Config.ToJson(),
            ["layers"] = new JsonArray(Layers.Select(l => (JsonNode)l.ToJson()).ToArray()),
        };
        return System.Text.Encoding.UTF8.GetBytes(o.ToJsonString());
    }
}
