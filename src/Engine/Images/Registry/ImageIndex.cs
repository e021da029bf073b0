using System.Text.Json.Nodes;

namespace Hctr.Engine.Images.Registry;

/// <summary>An image index (OCI) or manifest list (Docker): one manifest per platform.</summary>
public sealed record ImageIndex(string MediaType, IReadOnlyList<Descriptor> Manifests)
{
    public static ImageIndex Parse(ReadOnlySpan<byte> bytes, string? mediaTypeHint = null)
    {
        var o = ManifestJson.Object(bytes);
        string mediaType = o["mediaType"]?.GetValue<string>() ?? mediaTypeHint ?? MediaTypes.OciIndex;
        if (!MediaTypes.IsIndex(mediaType))
            throw new RegistryException(RegistryFailureReason.UnsupportedMediaType, $"not an image index: {mediaType}");
        var manifests = (o["manifests"] as JsonArray ?? throw new RegistryException(RegistryFailureReason.Protocol, "index without manifests"))
            .Select((m, i) => Descriptor.Parse(m, $"index entry {i}")).ToList();
        return new ImageIndex(mediaType, manifests);
    }

    /// <summary>The manifest for <paramref name="platform"/>; fails with the platforms on offer.</summary>
    public Descriptor Select(Platform platform) =>
        Manifests.FirstOrDefault(m => MediaTypes.IsManifest(m.MediaType) && platform.Matches(m.Platform))
        ?? throw new RegistryException(RegistryFailureReason.NoMatchingPlatform,
            $"no manifest for {platform}; the index offers: {string.Join(", ", Manifests.Select(m => m.Platform?.ToString() ?? "(none)"))}");
}
