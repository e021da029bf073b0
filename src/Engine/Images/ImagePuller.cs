using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>
/// Pull = resolve the tag to a digest → ask <see cref="IImageTrust"/> → only then fetch the manifest (by that digest),
/// select the platform, and fetch config and layers, each pinned by digest and size and verified as it streams.
/// Nothing but the manifest request(s) reaches the registry before trust says yes.
/// </summary>
public sealed class ImagePuller(RegistryClient client, ContentStore store, IImageTrust trust)
{
    private static readonly HashSet<string> LayerTypes =
        [MediaTypes.OciLayer, MediaTypes.OciLayerGzip, MediaTypes.OciLayerZstd, MediaTypes.DockerLayerGzip, "application/vnd.docker.image.rootfs.diff.tar"];

    public async Task<PullResult> PullAsync(ImageReference image, PullOptions options, IProgress<PullProgress>? progress = null,
        CancellationToken ct = default)
    {
        var location = ImageLocation.Of(image);
        using var storeLock = await store.LockStoreAsync(exclusive: false, ct).ConfigureAwait(false);
        var resolved = await client.ResolveAsync(location, image.Digest ?? image.Tag, ct).ConfigureAwait(false);
        if (image.Digest is not null && resolved.Digest != image.Digest)
            throw new RegistryException(RegistryFailureReason.DigestMismatch, $"{image} resolves to {resolved.Digest}");
        progress?.Report(new PullProgress(resolved.Digest, PullPhase.Resolved, 0, resolved.Size));

        var decision = await trust.CheckAsync(image, resolved.Digest, resolved.Size, options.Profile, ct).ConfigureAwait(false);
        if (!decision.Trusted) throw new RegistryException(RegistryFailureReason.Untrusted, $"{image.TargetName}: not trusted: {decision.Reason}");
        progress?.Report(new PullProgress(resolved.Digest, PullPhase.Trusted, 0, resolved.Size, decision.Reason));

        var (topBytes, topType) = await ManifestAsync(location, resolved.Digest, resolved.Size, ct).ConfigureAwait(false);
        string manifestDigest = resolved.Digest;
        byte[] manifestBytes = topBytes;
        if (MediaTypes.IsIndex(topType))
        {
            var chosen = ImageIndex.Parse(topBytes, topType).Select(options.Platform);
            manifestDigest = chosen.Digest;
            (manifestBytes, topType) = await ManifestAsync(location, chosen.Digest, chosen.Size, ct).ConfigureAwait(false);
        }
        var manifest = ImageManifest.Parse(manifestBytes, topType);
        var unknown = manifest.Layers.FirstOrDefault(l => !LayerTypes.Contains(l.MediaType));
        if (unknown is not null) throw new RegistryException(RegistryFailureReason.UnsupportedMediaType, $"layer {unknown.Digest} has media type {unknown.MediaType}");
        if (manifest.Config.Size > options.MaxConfigBytes)
            throw new RegistryException(RegistryFailureReason.TooLarge, $"config is {manifest.Config.Size} bytes, over the {options.MaxConfigBytes}-byte cap");

        await FetchBlobAsync(location, manifest.Config, null, ct).ConfigureAwait(false);
        var config = ImageConfig.Parse(await File.ReadAllBytesAsync(store.BlobPath(manifest.Config.Digest), ct).ConfigureAwait(false));
        using (var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelDownloads)))
        {
            await Task.WhenAll(manifest.Layers.Select(async layer =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await FetchBlobAsync(location, layer, progress, ct).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }
        var warnings = new List<string>();
        if (options.Unpack)
        {
            if (config.DiffIds.Count != 0 && config.DiffIds.Count != manifest.Layers.Count)
                throw new RegistryException(RegistryFailureReason.Protocol, $"config lists {config.DiffIds.Count} diff ids for {manifest.Layers.Count} layers");
            for (int i = 0; i < manifest.Layers.Count; i++)
            {
                var layer = manifest.Layers[i];
                progress?.Report(new PullProgress(layer.Digest, PullPhase.Unpacking, 0, layer.Size));
                var result = await LayerCache.EnsureAsync(store, layer, options.UnpackOptions, ct,
                    config.DiffIds.Count == 0 ? null : config.DiffIds[i]).ConfigureAwait(false);
                if (result is not null) warnings.AddRange(result.Warnings.Select(w => $"{layer.Digest[..19]}: {w}"));
                progress?.Report(new PullProgress(layer.Digest, PullPhase.Unpacked, layer.Size, layer.Size));
            }
        }
        var record = new ImageRecord(image.TargetName, resolved.Digest, manifestDigest, manifest.Layers.Sum(l => l.Size) + manifest.Config.Size);
        await store.Refs.SetAsync(record, ct).ConfigureAwait(false);
        return new PullResult(record, manifest, config, decision, warnings);
    }

    /// <summary>
    /// The image as <c>hctr run</c> needs it: from the store when it is there (trust asked again, with the profile,
    /// for the stored digest: a policy or signature change since the pull applies), otherwise pulled.
    /// </summary>
    public async Task<PullResult> GetAsync(ImageReference image, PullOptions options, IProgress<PullProgress>? progress = null,
        CancellationToken ct = default)
    {
        return await TryLocalAsync(image, options, ct).ConfigureAwait(false)
            ?? await PullAsync(image, options, progress, ct).ConfigureAwait(false);
    }

    private async Task<PullResult?> TryLocalAsync(ImageReference image, PullOptions options, CancellationToken ct)
    {
        if (!store.Refs.TryGet(image.TargetName, out var record) || record is null || !store.HasBlob(record.Digest)) return null;
        if (image.Digest is not null && image.Digest != record.Digest) return null;
        long size = new FileInfo(store.BlobPath(record.Digest)).Length;
        var decision = await trust.CheckAsync(image, record.Digest, size, options.Profile, ct).ConfigureAwait(false);
        if (!decision.Trusted) throw new RegistryException(RegistryFailureReason.Untrusted, $"{image.TargetName}: not trusted: {decision.Reason}");
        if (!store.HasBlob(record.ManifestDigest)) return null;
        byte[] bytes = await File.ReadAllBytesAsync(store.BlobPath(record.ManifestDigest), ct).ConfigureAwait(false);
        var manifest = ImageManifest.Parse(bytes);
        if (!store.HasBlob(manifest.Config.Digest) || manifest.Layers.Any(l => !store.HasBlob(l.Digest))) return null;
        var config = ImageConfig.Parse(await File.ReadAllBytesAsync(store.BlobPath(manifest.Config.Digest), ct).ConfigureAwait(false));
        var warnings = new List<string>();
        for (int i = 0; i < manifest.Layers.Count; i++)
        {
            var result = await LayerCache.EnsureAsync(store, manifest.Layers[i], options.UnpackOptions, ct,
                config.DiffIds.Count == manifest.Layers.Count ? config.DiffIds[i] : null).ConfigureAwait(false);
            if (result is not null) warnings.AddRange(result.Warnings.Select(w => $"{manifest.Layers[i].Digest[..19]}: {w}"));
        }
        return new PullResult(record, manifest, config, decision, warnings);
    }

    private async Task<(byte[], string)> ManifestAsync(ImageLocation location, string digest, long size, CancellationToken ct)
    {
        if (store.HasBlob(digest))
        {
            byte[] local = await File.ReadAllBytesAsync(store.BlobPath(digest), ct).ConfigureAwait(false);
            string type = ManifestJson.Object(local)["mediaType"]?.GetValue<string>() ?? MediaTypes.OciManifest;
            return (local, type);
        }
        var (bytes, mediaType) = await client.GetManifestAsync(location, digest, size, ct).ConfigureAwait(false);
        await store.PutBlobAsync(digest, bytes, ct).ConfigureAwait(false);
        return (bytes, mediaType);
    }

    private async Task FetchBlobAsync(ImageLocation location, Descriptor blob, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        if (!store.HasBlob(blob.Digest))
        {
            var bytes = progress is null ? null : new SyncProgress<long>(n => progress.Report(new PullProgress(blob.Digest, PullPhase.Downloading, n, blob.Size)));
            await store.IngestAsync(blob, (offset, c) => client.OpenBlobAsync(location, blob.Digest, offset, c), bytes, ct).ConfigureAwait(false);
        }
        progress?.Report(new PullProgress(blob.Digest, PullPhase.Downloaded, blob.Size, blob.Size));
    }
}
