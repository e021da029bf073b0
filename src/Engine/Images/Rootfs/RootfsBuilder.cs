using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images.Rootfs;

/// <summary>Prepares the per-container root file system of a pulled image under <c>CONTAINERDIR</c>.</summary>
public static class RootfsBuilder
{
    /// <summary>Past this many layers use <see cref="RootfsKind.Copy"/> (overlayfs stacks at most 500 lower dirs; mount
    /// data stays short because each lower is named as /proc/self/fd/N).</summary>
    public const int MaxOverlayLayers = 128;

    /// <summary>
    /// Overlay: the layers come from the layer cache (unpacked once, never changed) and the per-container upper and
    /// work dirs are created, the upper's root owned by <paramref name="rootOwner"/> (the host ids of the container's
    /// root; overlayfs shows the upper's root directory as the merged one). Copy: the layers are applied in order into
    /// <c>rootfs</c>, with ownership shifted by <see cref="UnpackOptions.Owners"/> when set.
    /// </summary>
    public static async Task<RootfsPlan> PrepareAsync(ContentStore store, ImageManifest manifest, string containerDir,
        RootfsKind kind, UnpackOptions options, CancellationToken ct = default, (uint Uid, uint Gid)? rootOwner = null)
    {
        string merged = Path.Combine(containerDir, "rootfs");
        Directory.CreateDirectory(merged);
        if (kind == RootfsKind.Overlay && manifest.Layers.Count <= MaxOverlayLayers)
        {
            var lowers = new List<string>();
            foreach (var layer in manifest.Layers)
            {
                await LayerCache.EnsureAsync(store, layer, options with { Owners = null }, ct).ConfigureAwait(false);
                lowers.Insert(0, store.LayerPath(layer.Digest));
            }
            string upper = Path.Combine(containerDir, "upper");
            string work = Path.Combine(containerDir, "work");
            Directory.CreateDirectory(upper);
            Directory.CreateDirectory(work);
            using (var fs = RootedFs.Open(upper))
            {
                fs.SetMode(".", 0x1ED);
                if (rootOwner is { } owner) fs.SetOwner(".", owner.Uid, owner.Gid);
            }
            return new RootfsPlan(RootfsKind.Overlay, lowers, upper, work, merged);
        }
        using (var fs = RootedFs.Open(merged))
        {
            if (rootOwner is { } owner) fs.SetOwner(".", owner.Uid, owner.Gid);
            foreach (var layer in manifest.Layers)
            {
                await using var blob = store.OpenBlob(layer.Digest);
                LayerUnpacker.Unpack(blob, fs, options with { Whiteouts = WhiteoutMode.Apply }, ct);
            }
        }
        return new RootfsPlan(RootfsKind.Copy, [], "", "", merged);
    }
}
