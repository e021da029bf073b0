using System.Formats.Tar;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images.Unpack;

/// <summary>The per-layer work of <see cref="LayerUnpacker"/>: one method per entry kind, directory modes deferred
/// to the end (so a read-only directory does not block its own children), warnings collected.</summary>
internal sealed class UnpackState(RootedFs fs, UnpackOptions options)
{
    private const uint SetIdBits = 0xC00; // S_ISUID | S_ISGID
    private readonly List<(string Path, uint Mode)> _directories = [];
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _droppedXattrs = new(StringComparer.Ordinal);

    public long Entries { get; set; }

    public List<string> Warnings { get; } = [];

    public void Apply(TarEntry entry)
    {
        string path = LayerUnpacker.Normalize(entry.Name, entry.Name);
        if (path.Length == 0)
        {
            if (entry.EntryType == TarEntryType.Directory) _directories.Add(("", Mode(entry, path)));
            return;
        }
        int slash = path.LastIndexOf('/');
        string parent = slash < 0 ? "" : path[..slash];
        string leaf = path[(slash + 1)..];
        if (LayerUnpacker.IsWhiteout(leaf) && entry.EntryType is not (TarEntryType.Directory))
        {
            Whiteout(path, parent, leaf);
            return;
        }
        if (parent.Length > 0 && fs.GetKind(parent) == FsEntryKind.None) fs.CreateDirectory(parent, 0x1ED);
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                fs.CreateDirectory(path, 0x1C0 | Mode(entry, path));
                _directories.Add((path, Mode(entry, path)));
                Own(entry, path);
                Xattrs(entry, path);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                RegularFile(entry, path);
                break;
            case TarEntryType.SymbolicLink:
                fs.CreateSymlink(path, entry.LinkName);
                Own(entry, path);
                break;
            case TarEntryType.HardLink:
                HardLink(entry, path);
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                Device(entry, path);
                break;
            case TarEntryType.Fifo:
                fs.CreateDevice(path, FsEntryKind.Fifo, Mode(entry, path), 0, 0);
                Own(entry, path);
                break;
            case TarEntryType.GlobalExtendedAttributes:
                return;
            default:
                Warnings.Add($"{LayerUnpacker.Short(entry.Name)}: skipped unsupported entry type {entry.EntryType}");
                return;
        }
        _created.Add(path);
    }

    public void FinishDirectories()
    {
        for (int i = _directories.Count - 1; i >= 0; i--) fs.SetMode(_directories[i].Path, _directories[i].Mode);
        foreach (var (what, count) in _droppedXattrs.OrderBy(d => d.Key, StringComparer.Ordinal))
            Warnings.Add($"dropped {count} extended attribute(s) {what}");
    }

    /// <summary>After chown (which clears security.capability) and chmod.</summary>
    private void Xattrs(TarEntry entry, string path)
    {
        foreach (var (name, value) in XattrFilter.Select(entry, options, _droppedXattrs)) fs.SetXattr(path, name, value);
    }

    private void RegularFile(TarEntry entry, string path)
    {
        if (entry.Length > options.MaxUncompressedBytes)
        {
            throw new UnpackException(UnpackFailureReason.TooLarge,
                $"declares {entry.Length} bytes, over the {options.MaxUncompressedBytes}-byte layer limit", LayerUnpacker.Short(entry.Name));
        }
        uint mode = Mode(entry, path);
        using (var handle = fs.CreateFile(path, mode & 0x1FF))
        {
            if (entry.DataStream is { } data)
            {
                using var output = new FileStream(handle, FileAccess.Write, 1 << 16);
                data.CopyTo(output, 1 << 16);
            }
        }
        Own(entry, path);
        fs.SetMode(path, mode); // after chown, which clears setuid bits
        Xattrs(entry, path);
    }

    private void HardLink(TarEntry entry, string path)
    {
        string target = LayerUnpacker.Normalize(entry.LinkName, entry.Name);
        if (target.Length == 0 || fs.GetKind(target) is FsEntryKind.None or FsEntryKind.Directory)
        {
            throw new UnpackException(UnpackFailureReason.HardLinkOutside,
                $"hard link to '{entry.LinkName}', which is not a file earlier in this layer; refusing the layer", LayerUnpacker.Short(entry.Name));
        }
        fs.CreateHardLink(path, target);
    }

    private void Device(TarEntry entry, string path)
    {
        if (!options.AllowDevices)
        {
            Warnings.Add($"{LayerUnpacker.Short(entry.Name)}: device node skipped (the profile does not allow devices)");
            return;
        }
        var kind = entry.EntryType == TarEntryType.CharacterDevice ? FsEntryKind.CharDevice : FsEntryKind.BlockDevice;
        var posix = (PosixTarEntry)entry;
        fs.CreateDevice(path, kind, Mode(entry, path), (uint)posix.DeviceMajor, (uint)posix.DeviceMinor);
        Own(entry, path);
    }

    private void Whiteout(string path, string parent, string leaf)
    {
        if (LayerUnpacker.IsOpaque(leaf))
        {
            fs.CreateDirectory(parent, 0x1ED);
            if (options.Whiteouts == WhiteoutMode.Overlay) fs.SetOverlayOpaque(parent);
            else fs.ClearDirectory(parent, _created.Contains);
            return;
        }
        string name = LayerUnpacker.WhitedOut(leaf);
        if (name is "" or "." or ".." || name.StartsWith(".wh.", StringComparison.Ordinal))
            throw new UnpackException(UnpackFailureReason.InvalidWhiteout, $"whiteout of '{name}' is not allowed; refusing the layer", path);
        string victim = parent.Length == 0 ? name : $"{parent}/{name}";
        if (options.Whiteouts == WhiteoutMode.Overlay)
        {
            if (parent.Length > 0) fs.CreateDirectory(parent, 0x1ED);
            fs.CreateOverlayWhiteout(victim);
        }
        else
        {
            fs.Remove(victim);
        }
    }

    private uint Mode(TarEntry entry, string path)
    {
        uint mode = (uint)entry.Mode & 0xFFF;
        if ((mode & SetIdBits) != 0 && !options.AllowSetuid)
        {
            Warnings.Add($"{LayerUnpacker.Short(path)}: setuid/setgid bits cleared (the profile does not allow setuid)");
            mode &= ~SetIdBits;
        }
        return mode;
    }

    private void Own(TarEntry entry, string path)
    {
        if (!options.PreserveOwnership) return;
        uint uid = (uint)entry.Uid, gid = (uint)entry.Gid;
        if (options.Owners is { } map) (uid, gid) = (map.MapUid(uid), map.MapGid(gid));
        fs.SetOwner(path, uid, gid);
    }
}
