using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>The new mount API calls idmapped mounts need: open_tree(2) and mount_setattr(2). Their numbers come
/// after 424, where every architecture shares one table (x86_64 and arm64 alike).</summary>
internal static unsafe class MountApiCalls
{
    public const int OPEN_TREE_CLONE = 1;
    public const int OPEN_TREE_CLOEXEC = 0x80000;
    public const int AT_EMPTY_PATH = 0x1000;
    public const int AT_RECURSIVE = 0x8000;
    public const ulong MOUNT_ATTR_IDMAP = 0x00100000;
    private const long SYS_open_tree = 428;
    private const long SYS_mount_setattr = 442;

    [StructLayout(LayoutKind.Sequential)]
    private struct MountAttr
    {
        public ulong AttrSet;
        public ulong AttrClr;
        public ulong Propagation;
        public ulong UsernsFd;
    }

    /// <summary>A detached copy of the mount at <paramref name="path"/> (OPEN_TREE_CLONE): an fd, or -1 with errno.</summary>
    public static int OpenTreeClone(string path)
    {
        nint p = Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            return (int)Libc.Syscall(SYS_open_tree, -100 /* AT_FDCWD */, p, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC, 0, 0);
        }
        finally
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>Marks the detached mount <paramref name="treeFd"/> idmapped through the user namespace <paramref name="usernsFd"/>.</summary>
    public static int SetIdmap(int treeFd, int usernsFd)
    {
        var attr = new MountAttr { AttrSet = MOUNT_ATTR_IDMAP, UsernsFd = (ulong)usernsFd };
        nint empty = Marshal.StringToCoTaskMemUTF8("");
        try
        {
            return (int)Libc.Syscall(SYS_mount_setattr, treeFd, empty, AT_EMPTY_PATH, (nint)(&attr), sizeof(MountAttr));
        }
        finally
        {
            Marshal.FreeCoTaskMem(empty);
        }
    }
}
