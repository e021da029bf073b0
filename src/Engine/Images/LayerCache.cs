using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Engine.Images.Unpack;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images;

/// <summary>Unpacked layers under <c>images/layers/HEX</c>, each an overlayfs lower dir. A layer is unpacked into a
/// temp dir and renamed into place, so a crash leaves either nothing or a complete layer (gc removes temps).</summary>
public static class LayerCache
{
    /// <summary>Unpacks <paramref name="layer"/> unless cached; when <paramref name="diffId"/> is given the uncompressed
    /// tar must hash to it, or the unpacked tree is discarded.</summary>
    public static async Task<UnpackResult?> EnsureAsync(ContentStore store, Descriptor layer, UnpackOptions options, CancellationToken ct,
        string? diffId = null)
    {
        string final = store.LayerPath(layer.Digest);
        if (Directory.Exists(final)) return null;
        using var held = await StoreLock.AcquireAsync(store.LockPath("layer-" + Digests.Hex(layer.Digest)), shared: false, ct).ConfigureAwait(false);
        if (Directory.Exists(final)) return null;
        string temp = Path.Combine(store.Root, "layers", $".tmp-{Digests.Hex(layer.Digest)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            UnpackResult result;
            using (var fs = RootedFs.Open(temp))
            await using (var blob = store.OpenBlob(layer.Digest))
            {
                result = LayerUnpacker.Unpack(blob, fs, options with { Whiteouts = WhiteoutMode.Overlay }, ct);
            }
            if (diffId is not null && result.DiffId != diffId)
            {
                throw new RegistryException(RegistryFailureReason.DigestMismatch,
                    $"layer {layer.Digest}: uncompressed content hashes to {result.DiffId}, the config says {diffId}");
            }
            Directory.Move(temp, final);
            RootedFs.SyncDirectory(Path.GetDirectoryName(final)!);
            return result;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    internal static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for gc; the original error matters more.
        }
    }
}
