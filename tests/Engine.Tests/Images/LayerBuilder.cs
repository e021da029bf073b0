using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Hctr.Engine.Tests.Images;

/// <summary>Writes tar layers in memory for tests, including hostile ones.</summary>
internal sealed class LayerBuilder
{
    private readonly MemoryStream _tar = new();
    private readonly TarWriter _writer;

    public LayerBuilder() => _writer = new TarWriter(_tar, TarEntryFormat.Pax, leaveOpen: true);

    public LayerBuilder File(string name, string content, UnixFileMode mode = (UnixFileMode)0x1A4) =>
        File(name, Encoding.UTF8.GetBytes(content), mode);

    public LayerBuilder File(string name, byte[] content, UnixFileMode mode = (UnixFileMode)0x1A4)
    {
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = mode });
        return this;
    }

    /// <summary>A file with PAX <c>SCHILY.xattr.*</c> records, as docker and buildkit write extended attributes.</summary>
    public LayerBuilder FileWithXattrs(string name, string content, IReadOnlyDictionary<string, string> xattrs)
    {
        var pax = xattrs.ToDictionary(x => "SCHILY.xattr." + x.Key, x => x.Value);
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name, pax)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            Mode = (UnixFileMode)0x1A4,
        });
        return this;
    }

    public LayerBuilder Dir(string name, UnixFileMode mode = (UnixFileMode)0x1ED)
    {
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name) { Mode = mode });
        return this;
    }

    public LayerBuilder Symlink(string name, string target)
    {
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
        return this;
    }

    public LayerBuilder HardLink(string name, string target)
    {
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });
        return this;
    }

    public LayerBuilder CharDevice(string name, int major, int minor)
    {
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.CharacterDevice, name) { DeviceMajor = major, DeviceMinor = minor, Mode = (UnixFileMode)0x1B6 });
        return this;
    }

    public byte[] Tar()
    {
        _writer.Dispose();
        return _tar.ToArray();
    }

    public byte[] TarGz() => Gzip(Tar());

    public byte[] TarZstd() => Zstd(Tar());

    public static byte[] Zstd(byte[] data, int level = 3)
    {
        using var compressor = new ZstdSharp.Compressor(level);
        return compressor.Wrap(data).ToArray();
    }

    public static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, level)) gz.Write(data);
        return output.ToArray();
    }

    /// <summary>A ustar header for a regular file whose size field (base-256) claims <paramref name="size"/> bytes, and no data.</summary>
    public static byte[] HugeFileHeader(string name, long size)
    {
        byte[] h = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(h, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(h, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(h, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(h, 116);
        h[124] = 0x80;
        for (int i = 0; i < 8; i++) h[135 - i] = (byte)(size >> (8 * i));
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(h, 136);
        h[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(h, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(h, 263);
        for (int i = 148; i < 156; i++) h[i] = (byte)' ';
        int sum = h.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(h, 148);
        return [.. h, .. new byte[4096]];
    }
}
