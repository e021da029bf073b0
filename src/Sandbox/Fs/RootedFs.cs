using System.Runtime.InteropServices;
using Hctr.Sandbox.Interop;
using Microsoft.Win32.SafeHandles;

namespace Hctr.Sandbox.Fs;

/// <summary>
/// File-system effects confined to one directory, for unpacking untrusted image layers. Every call takes a
/// path relative to the root; the parent is resolved by the kernel with openat2(RESOLVE_IN_ROOT |
/// RESOLVE_NO_MAGICLINKS), so absolute paths, <c>..</c> and symlinks (absolute or relative) all stay inside
/// the root, and the last component is created with *at calls that never follow a symlink
/// (O_NOFOLLOW | O_EXCL, AT_SYMLINK_NOFOLLOW). A leaf that already exists is replaced (last entry wins).
/// </summary>
public sealed class RootedFs : IDisposable
{
    private readonly SafeFileHandle _root;

    private RootedFs(SafeFileHandle root, string path)
    {
        _root = root;
        RootPath = path;
    }

    public string RootPath { get; }

    /// <summary>Opens an existing directory as the root.</summary>
    public static RootedFs Open(string directory)
    {
        int fd = UnpackCalls.OpenAt(UnpackCalls.AT_FDCWD, directory,
            UnpackCalls.O_PATH | UnpackCalls.O_DIRECTORY | UnpackCalls.O_CLOEXEC, 0);
        if (fd < 0) throw Fail("open root", directory);
        return new RootedFs(new SafeFileHandle(fd, ownsHandle: true), directory);
    }

    /// <summary>fsync(2) on a directory, so a rename inside it is durable.</summary>
    public static void SyncDirectory(string directory)
    {
        int fd = UnpackCalls.OpenAt(UnpackCalls.AT_FDCWD, directory, UnpackCalls.O_RDONLY | UnpackCalls.O_DIRECTORY | UnpackCalls.O_CLOEXEC, 0);
        if (fd < 0) throw Fail("open", directory);
        try
        {
            if (UnpackCalls.FSync(fd) != 0) throw Fail("fsync", directory);
        }
        finally
        {
            UnpackCalls.Close(fd);
        }
    }

    public FsEntryKind GetKind(string path)
    {
        if (IsRoot(path)) return FsEntryKind.Directory;
        SafeFileHandle parent;
        string leaf;
        try
        {
            parent = OpenParent(path, out leaf);
        }
        catch (RootedFsException e) when (e.Errno is UnpackCalls.ENOENT or 20 /* ENOTDIR */)
        {
            return FsEntryKind.None;
        }
        using var held = parent;
        if (UnpackCalls.StatMode(Fd(parent), leaf, out uint mode) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == UnpackCalls.ENOENT) return FsEntryKind.None;
            throw new RootedFsException("stat", errno, path);
        }
        return (mode & 0xF000) switch
        {
            0x4000 => FsEntryKind.Directory,
            0x8000 => FsEntryKind.Regular,
            0xA000 => FsEntryKind.Symlink,
            _ => FsEntryKind.Other,
        };
    }

    /// <summary>mkdir -p: each missing component is created inside the root; an existing directory is kept.</summary>
    public void CreateDirectory(string path, uint mode)
    {
        if (IsRoot(path)) return;
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i <= parts.Length; i++)
        {
            string prefix = string.Join('/', parts, 0, i);
            using var parent = OpenParent(prefix, out string leaf);
            if (UnpackCalls.MkdirAt(Fd(parent), leaf, i == parts.Length ? mode : 0x1EDu /* 0755 */) == 0) continue;
            int errno = Marshal.GetLastPInvokeError();
            if (errno != UnpackCalls.EEXIST) throw new RootedFsException("mkdir", errno, prefix);
            if (i == parts.Length && GetKind(prefix) != FsEntryKind.Directory)
            {
                Remove(prefix);
                if (UnpackCalls.MkdirAt(Fd(parent), leaf, mode) != 0) throw Fail("mkdir", prefix);
            }
        }
    }

    /// <summary>Creates (replacing whatever was there) a regular file and returns it open for writing.</summary>
    public SafeFileHandle CreateFile(string path, uint mode)
    {
        using var parent = ReplaceLeaf(path, out string leaf);
        int fd = UnpackCalls.OpenAt(Fd(parent), leaf,
            UnpackCalls.O_WRONLY | UnpackCalls.O_CREAT | UnpackCalls.O_EXCL | UnpackCalls.O_NOFOLLOW | UnpackCalls.O_CLOEXEC, mode & 0x1FF);
        if (fd < 0) throw Fail("create", path);
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (UnpackCalls.FChmod(fd, mode) != 0)
        {
            handle.Dispose();
            throw Fail("chmod", path);
        }
        return handle;
    }

    /// <summary>Creates a symlink; its target is stored as given and never followed here.</summary>
    public void CreateSymlink(string path, string target)
    {
        using var parent = ReplaceLeaf(path, out string leaf);
        if (UnpackCalls.SymlinkAt(target, Fd(parent), leaf) != 0) throw Fail("symlink", path);
    }

    /// <summary>Creates a hard link to <paramref name="existing"/>, which is also resolved inside the root.</summary>
    public void CreateHardLink(string path, string existing)
    {
        using var source = OpenParent(existing, out string sourceLeaf);
        var kind = GetKind(existing);
        if (kind is FsEntryKind.None or FsEntryKind.Directory)
            throw new RootedFsException("link", UnpackCalls.ENOENT, path, $"hard link target '{existing}' is not a file inside the root");
        using var parent = ReplaceLeaf(path, out string leaf);
        if (UnpackCalls.LinkAt(Fd(source), sourceLeaf, Fd(parent), leaf, 0) != 0) throw Fail("link", path);
    }

    public void CreateDevice(string path, FsEntryKind kind, uint mode, uint major, uint minor)
    {
        uint type = kind switch
        {
            FsEntryKind.CharDevice => UnpackCalls.S_IFCHR,
            FsEntryKind.BlockDevice => UnpackCalls.S_IFBLK,
            FsEntryKind.Fifo => UnpackCalls.S_IFIFO,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var parent = ReplaceLeaf(path, out string leaf);
        if (UnpackCalls.MknodAt(Fd(parent), leaf, type | (mode & 0xFFF), UnpackCalls.MakeDev(major, minor)) != 0) throw Fail("mknod", path);
    }

    /// <summary>An overlayfs whiteout: a 0/0 character device that hides <paramref name="path"/> in lower layers.</summary>
    public void CreateOverlayWhiteout(string path) => CreateDevice(path, FsEntryKind.CharDevice, 0, 0, 0);

    /// <summary>Marks a directory opaque for overlayfs (trusted.overlay.opaque=y): lower layers' entries are hidden.</summary>
    public void SetOverlayOpaque(string path)
    {
        using var dir = OpenDirectory(path);
        if (UnpackCalls.SetXattr(Fd(dir), "trusted.overlay.opaque", "y"u8) != 0) throw Fail("setxattr", path);
    }

    /// <summary>Sets an extended attribute on a regular file or directory (never through a symlink: the leaf is
    /// opened O_NOFOLLOW). Other kinds are skipped: user.* xattrs are not allowed on them anyway.</summary>
    public void SetXattr(string path, string name, ReadOnlySpan<byte> value)
    {
        using var parent = IsRoot(path) ? OpenDirectory(".") : OpenParent(path, out _);
        string leaf = IsRoot(path) ? "." : path.Trim('/')[(path.Trim('/').LastIndexOf('/') + 1)..];
        if (!IsRoot(path) && GetKind(path) is not (FsEntryKind.Regular or FsEntryKind.Directory)) return;
        int fd = UnpackCalls.OpenAt(Fd(parent), leaf, UnpackCalls.O_RDONLY | UnpackCalls.O_NOFOLLOW | UnpackCalls.O_NONBLOCK | UnpackCalls.O_CLOEXEC, 0);
        if (fd < 0) throw Fail("open", path);
        using var file = new SafeFileHandle(fd, ownsHandle: true);
        if (UnpackCalls.SetXattr(fd, name, value) != 0) throw Fail("setxattr " + name, path);
    }

    /// <summary>chmod without following a symlink: only directories and regular files take a mode.</summary>
    public void SetMode(string path, uint mode)
    {
        if (IsRoot(path))
        {
            using var root = OpenDirectory(".");
            if (UnpackCalls.FChmod(Fd(root), mode & 0xFFF) != 0) throw Fail("chmod", ".");
            return;
        }
        var kind = GetKind(path);
        if (kind is not (FsEntryKind.Directory or FsEntryKind.Regular)) return;
        using var parent = OpenParent(path, out string leaf);
        if (UnpackCalls.FChmodAt(Fd(parent), leaf, mode & 0xFFF, 0) != 0) throw Fail("chmod", path);
    }

    public void SetOwner(string path, uint uid, uint gid)
    {
        if (IsRoot(path))
        {
            if (UnpackCalls.FChownAt(Fd(_root), "", uid, gid, UnpackCalls.AT_SYMLINK_NOFOLLOW | UnpackCalls.AT_EMPTY_PATH) != 0) throw Fail("chown", ".");
            return;
        }
        using var parent = OpenParent(path, out string leaf);
        if (UnpackCalls.FChownAt(Fd(parent), leaf, uid, gid, UnpackCalls.AT_SYMLINK_NOFOLLOW) != 0) throw Fail("chown", path);
    }

    /// <summary>rm -rf of <paramref name="path"/> without following symlinks; a missing path is not an error.</summary>
    public void Remove(string path)
    {
        if (IsRoot(path)) throw new RootedFsException("remove", 22, path, "refusing to remove the root itself");
        using var parent = OpenParent(path, out string leaf);
        RemoveAt(parent, leaf, path);
    }

    /// <summary>Removes the entries inside a directory, keeping the directory (an opaque-directory whiteout);
    /// entries for which <paramref name="keep"/> (given the child's path) says true stay.</summary>
    public void ClearDirectory(string path, Func<string, bool>? keep = null)
    {
        if (GetKind(path) != FsEntryKind.Directory) return;
        using var dir = OpenDirectory(path);
        string prefix = IsRoot(path) ? "" : path.Trim('/') + "/";
        foreach (string name in ListNames(dir))
        {
            if (keep?.Invoke(prefix + name) != true) RemoveAt(dir, name, prefix + name);
        }
    }

    /// <summary>Reads a regular file inside the root, following symlinks only as far as the root (RESOLVE_IN_ROOT):
    /// for image files such as <c>/etc/passwd</c>. Null when it does not exist or is not a regular file; a file over
    /// <paramref name="maxBytes"/> is an error.</summary>
    public byte[]? TryReadFile(string path, int maxBytes)
    {
        var how = new UnpackCalls.OpenHow
        {
            Flags = (ulong)(UnpackCalls.O_RDONLY | UnpackCalls.O_NONBLOCK | UnpackCalls.O_CLOEXEC),
            Resolve = UnpackCalls.RESOLVE_IN_ROOT | UnpackCalls.RESOLVE_NO_MAGICLINKS,
        };
        int fd = UnpackCalls.OpenAt2(Fd(_root), path.TrimStart('/'), how);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is UnpackCalls.ENOENT or 20 /* ENOTDIR */ or 40 /* ELOOP */ or 6 /* ENXIO */) return null;
            throw new RootedFsException("open", errno, path);
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (UnpackCalls.StatMode(fd, "", out uint mode, UnpackCalls.AT_EMPTY_PATH) != 0) throw Fail("stat", path);
        if ((mode & 0xF000) != 0x8000) return null;
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + n > maxBytes) throw new RootedFsException("read", 27 /* EFBIG */, path, $"{path} is larger than {maxBytes} bytes");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public void Dispose() => _root.Dispose();

    private void RemoveAt(SafeFileHandle parent, string leaf, string display)
    {
        if (UnpackCalls.UnlinkAt(Fd(parent), leaf, 0) == 0) return;
        int errno = Marshal.GetLastPInvokeError();
        if (errno == UnpackCalls.ENOENT) return;
        if (errno is not (21 or 1)) throw new RootedFsException("unlink", errno, display); // EISDIR, EPERM: a directory
        int fd = UnpackCalls.OpenAt(Fd(parent), leaf, UnpackCalls.O_RDONLY | UnpackCalls.O_DIRECTORY | UnpackCalls.O_NOFOLLOW | UnpackCalls.O_CLOEXEC, 0);
        if (fd < 0) throw Fail("open", display);
        using (var dir = new SafeFileHandle(fd, ownsHandle: true))
        {
            foreach (string name in ListNames(dir)) RemoveAt(dir, name, display + "/" + name);
        }
        if (UnpackCalls.UnlinkAt(Fd(parent), leaf, UnpackCalls.AT_REMOVEDIR) != 0) throw Fail("rmdir", display);
    }

    /// <summary>Names in a directory we hold open; the /proc/self/fd path only names our own fd.</summary>
    private static List<string> ListNames(SafeFileHandle dir) =>
        Directory.EnumerateFileSystemEntries($"/proc/self/fd/{Fd(dir)}").Select(p => Path.GetFileName(p)).ToList();

    private SafeFileHandle ReplaceLeaf(string path, out string leaf)
    {
        if (IsRoot(path)) throw new RootedFsException("create", UnpackCalls.EEXIST, path, "cannot replace the root");
        var parent = OpenParent(path, out leaf);
        RemoveAt(parent, leaf, path);
        return parent;
    }

    private SafeFileHandle OpenDirectory(string path)
    {
        var how = new UnpackCalls.OpenHow
        {
            Flags = (ulong)(UnpackCalls.O_RDONLY | UnpackCalls.O_DIRECTORY | UnpackCalls.O_NOFOLLOW | UnpackCalls.O_CLOEXEC),
            Resolve = UnpackCalls.RESOLVE_IN_ROOT | UnpackCalls.RESOLVE_NO_MAGICLINKS,
        };
        int fd = UnpackCalls.OpenAt2(Fd(_root), IsRoot(path) ? "." : path, how);
        if (fd < 0) throw Fail("open", path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private SafeFileHandle OpenParent(string path, out string leaf)
    {
        string trimmed = path.Trim('/');
        int slash = trimmed.LastIndexOf('/');
        leaf = slash < 0 ? trimmed : trimmed[(slash + 1)..];
        if (leaf is "" or "." or "..") throw new RootedFsException("resolve", 22, path, "invalid last path component");
        var how = new UnpackCalls.OpenHow
        {
            Flags = (ulong)(UnpackCalls.O_PATH | UnpackCalls.O_DIRECTORY | UnpackCalls.O_CLOEXEC),
            Resolve = UnpackCalls.RESOLVE_IN_ROOT | UnpackCalls.RESOLVE_NO_MAGICLINKS,
        };
        int fd = UnpackCalls.OpenAt2(Fd(_root), slash < 0 ? "." : trimmed[..slash], how);
        if (fd < 0) throw Fail("resolve parent of", path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static bool IsRoot(string path) => path.Trim('/') is "" or ".";

    private static int Fd(SafeFileHandle handle) => (int)handle.DangerousGetHandle();

    private static RootedFsException Fail(string operation, string path) =>
        new(operation, Marshal.GetLastPInvokeError(), path);
}
