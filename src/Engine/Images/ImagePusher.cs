using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>Pushes a stored image (index, manifests, config, layers) to <c>REGISTRY/REPO:TAG</c>. Blobs the registry
/// has are skipped; with <paramref name="mountFrom"/> a cross-repository mount is tried first.</summary>
public sealed class ImagePusher(RegistryClient client, ContentStore store)
{
    public async Task<string> PushAsync(ImageReference source, ImageReference destination, string? mountFrom = null,
        IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        if (!store.Refs.TryGet(source.TargetName, out var record) || record is null)
            throw new RegistryException(RegistryFailureReason.NotFound, $"{source.TargetName} is not in the local store");
        var location = ImageLocation.Of(destination);
        byte[] top = await File.ReadAllBytesAsync(store.BlobPath(record.Digest), ct).ConfigureAwait(false);
        string topType = ManifestJson.Object(top)["mediaType"]?.GetValue<string>() ?? MediaTypes.OciManifest;
        if (MediaTypes.IsIndex(topType))
        {
            foreach (var child in ImageIndex.Parse(top, topType).Manifests)
            {
                if (!store.HasBlob(child.Digest))
                    throw new RegistryException(RegistryFailureReason.NotFound, $"index entry {child.Digest} ({child.Platform}) is not in the local store; pull it first");
                await PushManifestAsync(location, child.Digest, child.Digest, mountFrom, progress, ct).ConfigureAwait(false);
            }
            return await client.PutManifestAsync(location, destination.Tag, topType, top, ct).ConfigureAwait(false);
        }
        return await PushManifestAsync(location, destination.Tag, record.Digest, mountFrom, progress, ct).ConfigureAwait(false);
    }

    private async Task<string> PushManifestAsync(ImageLocation location, string tagOrDigest, string digest, string? mountFrom,
        IProgress<PullProgress>? progress, CancellationToken ct)
    {
        byte[] bytes = await File.ReadAllBytesAsync(store.BlobPath(digest), ct).ConfigureAwait(false);
        var manifest = ImageManifest.Parse(bytes);
        foreach (var blob in manifest.Layers.Prepend(manifest.Config))
        {
            progress?.Report(new PullProgress(blob.Digest, PullPhase.Downloading, 0, blob.Size));
            var outcome = await client.PushBlobAsync(location, blob.Digest, blob.Size, () => store.OpenBlob(blob.Digest), mountFrom, ct).ConfigureAwait(false);
            progress?.Report(new PullProgress(blob.Digest, PullPhase.Downloaded, blob.Size, blob.Size, outcome.ToString()));
        }
        return await client.PutManifestAsync(location, tagOrDigest, manifest.MediaType, bytes, ct).ConfigureAwait(false);
    }
}
