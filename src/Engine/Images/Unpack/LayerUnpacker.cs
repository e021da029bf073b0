using System.Formats.Tar;
using System.IO.Compression;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images.Unpack;

/// <summary>
/// Unpacks one image layer (tar, optionally gzip or zstd) into a directory through <see cref="RootedFs"/>: every effect is
/// fd-relative and confined by the kernel, whatever the entry names, link targets or earlier symlinks say.
/// System.Formats.Tar parses headers only; nothing here extracts by path string. Refuses (fails closed) on
/// <c>..</c> in names, hard links that leave the layer, whiteouts of <c>.</c>/<c>..</c>, and the size, count and
/// ratio limits; skips devices and clears setuid/setgid unless allowed, saying so in the warnings.
/// </summary>
public static class LayerUnpacker
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>Unpacks <paramref name="layer"/> (the blob as stored: compressed or not) into <paramref name="target"/>.</summary>
    public static UnpackResult Unpack(Stream layer, RootedFs target, UnpackOptions options, CancellationToken ct = default)
    {
        var compressed = new CountingStream(layer);
        using var tarStream = new BombGuardStream(Decompress(compressed), compressed, options);
        var state = new UnpackState(target, options);
        try
        {
            using var reader = new TarReader(tarStream, leaveOpen: true);
            TarEntry? entry;
            while ((entry = NextEntry(reader)) is not null)
            {
                ct.ThrowIfCancellationRequested();
                if (++state.Entries > options.MaxEntries)
                    throw new UnpackException(UnpackFailureReason.TooManyEntries, $"layer has more than {options.MaxEntries} entries");
                state.Apply(entry);
            }
            state.FinishDirectories();
            tarStream.CopyTo(Stream.Null); // the tar end blocks and padding belong to the diff id too
        }
        catch (RootedFsException e)
        {
            throw new UnpackException(UnpackFailureReason.FileSystem, e.Message, null, e);
        }
        catch (InvalidDataException e)
        {
            throw new UnpackException(UnpackFailureReason.Corrupt, $"layer is not a valid tar/gzip stream: {e.Message}", null, e);
        }
        catch (ZstdSharp.ZstdException e)
        {
            throw new UnpackException(UnpackFailureReason.Corrupt, $"layer is not a valid zstd stream: {e.Message}", null, e);
        }
        return new UnpackResult(state.Entries, tarStream.Produced, state.Warnings, tarStream.DiffId);
    }

    private static TarEntry? NextEntry(TarReader reader)
    {
        try
        {
            return reader.GetNextEntry(copyData: false);
        }
        catch (FormatException e)
        {
            throw new UnpackException(UnpackFailureReason.Corrupt, $"bad tar header: {e.Message}", null, e);
        }
        catch (EndOfStreamException e)
        {
            throw new UnpackException(UnpackFailureReason.Corrupt, "layer ends inside a tar entry", null, e);
        }
    }

    /// <summary>Picks the decompressor from the magic bytes, not the (untrusted) media type.</summary>
    private static Stream Decompress(CountingStream input)
    {
        var magic = input.Peek(4);
        int n = magic.Length;
        if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return new GZipStream(input, CompressionMode.Decompress);
        // zstd (ZstdSharp, fully managed): the bomb guard sits on its output exactly as on gzip's. A frame that asks
        // for a window over 128 MiB is refused by the decoder before it allocates one.
        if (n == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd)
        {
            var zstd = new ZstdSharp.DecompressionStream(input, leaveOpen: false);
            zstd.SetParameter(ZstdSharp.Unsafe.ZSTD_dParameter.ZSTD_d_windowLogMax, 27);
            return zstd;
        }
        return input;
    }

    /// <summary>Normalises a tar name to a relative path inside the root: leading <c>/</c> and <c>./</c> dropped,
    /// empty and <c>.</c> components removed; <c>..</c> anywhere is refused rather than resolved.</summary>
    internal static string Normalize(string name, string entryForMessages)
    {
        var parts = new List<string>();
        foreach (string part in name.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
                throw new UnpackException(UnpackFailureReason.PathTraversal, "path contains '..'; refusing the layer", entryForMessages);
            if (System.Text.Encoding.UTF8.GetByteCount(part) > 255)
                throw new UnpackException(UnpackFailureReason.NameTooLong, "a path component is longer than 255 bytes", Short(entryForMessages));
            if (part.Contains('\0'))
                throw new UnpackException(UnpackFailureReason.Corrupt, "NUL in name", Short(entryForMessages));
            parts.Add(part);
        }
        string path = string.Join('/', parts);
        if (System.Text.Encoding.UTF8.GetByteCount(path) > 4000)
            throw new UnpackException(UnpackFailureReason.NameTooLong, $"path is {path.Length} characters, over the 4000 limit", Short(entryForMessages));
        return path;
    }

    internal static string Short(string name) => name.Length <= 80 ? name : name[..60] + "..." + name[^16..];

    internal static bool IsWhiteout(string leaf) => leaf.StartsWith(WhiteoutPrefix, StringComparison.Ordinal);

    internal static bool IsOpaque(string leaf) => leaf == OpaqueMarker;

    internal static string WhitedOut(string leaf) => leaf[WhiteoutPrefix.Length..];
}
