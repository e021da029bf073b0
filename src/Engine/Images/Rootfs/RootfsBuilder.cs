using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images.Rootfs;

/// <summary>Prepares the per-container root file system of a pulled image under <c>CONTAINERDIR</c>.</summary>
public static class RootfsBuilder
{
    /// <summary>overlayfs takes its mount data in one page; beyond this many layers use <see cref="RootfsKind.Copy"/>.</summary>
    public const int MaxOverlayLayers = 40;

    public static async Task<RootfsPlan> PrepareAsync(ContentStore store, ImageManifest manifest, string containerDir,
        RootfsKind kind, UnpackOptions options, CancellationToken ct = default)
    {
        string merged = Path.Combine(containerDir, "rootfs");
        Directory.CreateDirectory(merged);
        if (kind == RootfsKind.Overlay && manifest.Layers.Count <= MaxOverlayLayers)
        {
            var lowers = new List<string>();
            foreach (var layer in manifest.Layers)
            {
                await LayerCache.EnsureAsync(store, layer, options, ct).ConfigureAwait(false);
                lowers.Insert(0, store.LayerPath(layer.Digest));
            }
            string upper = Path.Combine(containerDir, "upper");
            string work = Path.Combine(containerDir, "work");
            Directory.CreateDirectory(upper);
            Directory.CreateDirectory(work);
            return new RootfsPlan(RootfsKind.Overlay, lowers, upper, work, merged);
        }
        using (var fs = RootedFs.Open(merged))
        {
            foreach (var layer in manifest.Layers)
            {
                await using var blob = store.OpenBlob(layer.Digest);
                LayerUnpacker.Unpack(blob, fs, options with { Whiteouts = WhiteoutMode.Apply }, ct);
            }
        }
        return new RootfsPlan(RootfsKind.Copy, [], "", "", merged);
    }
}
