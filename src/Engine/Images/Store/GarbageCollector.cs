using Hctr.Engine.Images.Registry;

namespace Hctr.Engine.Images.Store;

/// <summary><c>hctr system gc</c>: with the store locked exclusively, marks everything reachable from refs.json and
/// deletes other blobs, unpacked layers, partial downloads and leftover temp files, except the layers (and their
/// blobs) a running container uses: those hold a use lock (<see cref="ContentStore.HoldInUseAsync"/>).</summary>
public static class GarbageCollector
{
    public static async Task<GcResult> CollectAsync(ContentStore store, CancellationToken ct = default)
    {
        using var held = await store.LockStoreAsync(exclusive: true, ct).ConfigureAwait(false);
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in store.Refs.List()) Mark(store, record.Digest, live);
        int blobs = 0, layers = 0;
        long bytes = 0;
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        string blobDir = Path.Combine(store.Root, "blobs", "sha256");
        foreach (string file in Directory.Exists(blobDir) ? Directory.GetFiles(blobDir) : [])
        {
            if (live.Contains(Path.GetFileName(file)) || InUse(store, Path.GetFileName(file), inUse)) continue;
            bytes += new FileInfo(file).Length;
            File.Delete(file);
            blobs++;
        }
        string layerDir = Path.Combine(store.Root, "layers");
        foreach (string dir in Directory.Exists(layerDir) ? Directory.GetDirectories(layerDir) : [])
        {
            if (live.Contains(Path.GetFileName(dir)) || InUse(store, Path.GetFileName(dir), inUse)) continue;
            Directory.Delete(dir, recursive: true);
            layers++;
            // Nobody can be taking this use lock now (HoldInUseAsync needs the store lock gc holds exclusively).
            File.Delete(store.UseLockPath("sha256:" + Path.GetFileName(dir)));
        }
        string ingest = Path.Combine(store.Root, "ingest");
        foreach (string file in Directory.Exists(ingest) ? Directory.GetFiles(ingest) : []) File.Delete(file);
        return new GcResult(blobs, layers, bytes) { KeptInUse = inUse.Count };
    }

    /// <summary>A running container holds this layer's use lock (ContentStore.HoldInUseAsync): keep it and its blob.</summary>
    private static bool InUse(ContentStore store, string hex, HashSet<string> inUse)
    {
        if (inUse.Contains(hex)) return true;
        using var probe = StoreLock.TryAcquire(store.UseLockPath("sha256:" + hex), shared: false);
        if (probe is not null) return false;
        inUse.Add(hex);
        return true;
    }

    private static void Mark(ContentStore store, string digest, HashSet<string> live)
    {
        if (!live.Add(Digests.Hex(digest)) || !store.HasBlob(digest)) return;
        byte[] bytes = File.ReadAllBytes(store.BlobPath(digest));
        if (bytes.Length > 4 * 1024 * 1024) return;
        string? mediaType = null;
        try
        {
            mediaType = ManifestJson.Object(bytes)["mediaType"]?.GetValue<string>();
            if (mediaType is not null && MediaTypes.IsIndex(mediaType))
            {
                foreach (var m in ImageIndex.Parse(bytes).Manifests) Mark(store, m.Digest, live);
            }
            else if (mediaType is null || MediaTypes.IsManifest(mediaType))
            {
                var manifest = ImageManifest.Parse(bytes);
                live.Add(Digests.Hex(manifest.Config.Digest));
                foreach (var l in manifest.Layers) live.Add(Digests.Hex(l.Digest));
            }
        }
        catch (RegistryException)
        {
            // A referenced blob that is not a manifest (or is damaged) keeps only itself alive.
        }
    }
}
