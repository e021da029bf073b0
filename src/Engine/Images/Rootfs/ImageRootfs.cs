using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Policy.Plan;
using Hctr.Sandbox;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images.Rootfs;

/// <summary>
/// A container's root file system from an image, mounted at <c>CONTAINERDIR/rootfs</c> for as long as this object
/// lives: overlayfs over the cached layers (idmapped into the container's user namespace) with upper/work under the
/// container's state directory, or, where overlayfs or idmapped mounts are unavailable, a private copy whose
/// ownership is shifted into the container's host id range. Dispose unmounts and removes rootfs, upper and work.
/// </summary>
public sealed class ImageRootfs : IDisposable
{
    private readonly string _containerDir;
    private IDisposable? _inUse;

    private ImageRootfs(string containerDir, RootfsKind kind, string mergedDir, string? note)
    {
        _containerDir = containerDir;
        Kind = kind;
        MergedDir = mergedDir;
        Note = note;
    }

    public RootfsKind Kind { get; }

    public string MergedDir { get; }

    /// <summary>Why the preferred kind was not used, or null.</summary>
    public string? Note { get; }

    public static string MergedDirOf(string containerDir) => Path.Combine(containerDir, "rootfs");

    public static async Task<ImageRootfs> CreateAsync(ContentStore store, ImageManifest manifest, string containerDir, IdMapPlan maps,
        RootfsKind preferred, UnpackOptions options, CancellationToken ct = default)
    {
        // The layers stay in use (gc keeps them) from before they are read until the rootfs is removed.
        var inUse = await store.HoldInUseAsync(manifest.Layers.Select(l => l.Digest), ct).ConfigureAwait(false);
        try
        {
            var rootfs = await CreateHeldAsync(store, manifest, containerDir, maps, preferred, options, ct).ConfigureAwait(false);
            rootfs._inUse = inUse;
            return rootfs;
        }
        catch
        {
            inUse.Dispose();
            throw;
        }
    }

    private static async Task<ImageRootfs> CreateHeldAsync(ContentStore store, ImageManifest manifest, string containerDir, IdMapPlan maps,
        RootfsKind preferred, UnpackOptions options, CancellationToken ct)
    {
        var owner = RootOwner(maps);
        string? note = null;
        if (preferred == RootfsKind.Overlay)
        {
            var plan = await RootfsBuilder.PrepareAsync(store, manifest, containerDir, RootfsKind.Overlay, options, ct, owner).ConfigureAwait(false);
            if (plan.Kind == RootfsKind.Overlay)
            {
                try
                {
                    RootfsMounts.MountOverlay(plan.LowerDirs, plan.UpperDir, plan.WorkDir, plan.MergedDir, maps);
                    return new ImageRootfs(containerDir, RootfsKind.Overlay, plan.MergedDir, null);
                }
                catch (SyscallException e)
                {
                    note = $"overlay rootfs unavailable ({e.Message}); using a private copy";
                    Remove(containerDir);
                }
            }
            else
            {
                note = $"{manifest.Layers.Count} layers is over the overlay limit of {RootfsBuilder.MaxOverlayLayers}; using a private copy";
            }
        }
        try
        {
            var shifted = options with { Owners = maps.Uid.Count > 0 ? new OwnerMap(maps.Uid, maps.Gid) : null };
            var copy = await RootfsBuilder.PrepareAsync(store, manifest, containerDir, RootfsKind.Copy, shifted, ct, owner).ConfigureAwait(false);
            return new ImageRootfs(containerDir, RootfsKind.Copy, copy.MergedDir, note);
        }
        catch
        {
            Remove(containerDir);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Remove(_containerDir);
        }
        finally
        {
            _inUse?.Dispose();
            _inUse = null;
        }
    }

    /// <summary>Unmounts whatever is mounted under the container's directory, then removes rootfs, upper and work.
    /// Nothing is deleted while anything there is still mounted (a recursive delete must never walk into a mount).</summary>
    public static void Remove(string containerDir)
    {
        if (!Directory.Exists(containerDir)) return;
        RootfsMounts.UnmountUnder(containerDir);
        if (RootfsMounts.MountPointsUnder(containerDir).Count > 0) return;
        foreach (string name in new[] { "rootfs", "upper", "work" })
        {
            string dir = Path.Combine(containerDir, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static (uint Uid, uint Gid)? RootOwner(IdMapPlan maps)
    {
        if (maps.Uid.Count == 0) return null;
        var map = new OwnerMap(maps.Uid, maps.Gid);
        return (map.MapUid(0), map.MapGid(0));
    }
}
