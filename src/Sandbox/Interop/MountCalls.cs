using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>mount(2), umount2, pivot_root, openat2.</summary>
internal static unsafe partial class MountCalls
{
    public const ulong MS_RDONLY = 1;
    public const ulong MS_NOSUID = 2;
    public const ulong MS_NODEV = 4;
    public const ulong MS_NOEXEC = 8;
    public const ulong MS_REMOUNT = 32;
    public const ulong MS_NOATIME = 1024;
    public const ulong MS_NODIRATIME = 2048;
    public const ulong MS_BIND = 4096;
    public const ulong MS_REC = 16384;
    public const ulong MS_UNBINDABLE = 1 << 17;
    public const ulong MS_PRIVATE = 1 << 18;
    public const ulong MS_SLAVE = 1 << 19;
    public const ulong MS_SHARED = 1 << 20;
    public const ulong MS_RELATIME = 1 << 21;
    public const ulong PropagationMask = MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED;
    public const int MNT_DETACH = 2;
    public const ulong RESOLVE_NO_MAGICLINKS = 0x02;
    public const ulong RESOLVE_NO_SYMLINKS = 0x04;
    public const ulong RESOLVE_IN_ROOT = 0x10;

    [LibraryImport(Libc.Name, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string? source, string target, string? fstype, ulong flags, string? data);

    [LibraryImport(Libc.Name, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int umount2(string target, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    public static int PivotRoot(string newRoot, string putOld)
    {
        nint a = Marshal.StringToCoTaskMemUTF8(newRoot);
        nint b = Marshal.StringToCoTaskMemUTF8(putOld);
        try
        {
            return (int)Libc.Syscall(SyscallNumbers.PivotRoot, a, b, 0, 0, 0);
        }
        finally
        {
            Marshal.FreeCoTaskMem(a);
            Marshal.FreeCoTaskMem(b);
        }
    }

    /// <summary>openat2(dirfd, path, {flags, resolve}); returns the fd or -1 with errno set.</summary>
    public static int Openat2(int dirfd, string path, int flags, ulong resolve)
    {
        var how = new OpenHow { Flags = (ulong)flags, Mode = 0, Resolve = resolve };
        nint p = Marshal.StringToCoTaskMemUTF8(path);
        try
        {
            return (int)Libc.Syscall(SyscallNumbers.Openat2, dirfd, p, (nint)(&how), sizeof(OpenHow), 0);
        }
        finally
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>MS_* flags a bind remount must keep (they are locked in a user namespace).</summary>
    public static ulong LockedFlags(int fd)
    {
        ulong st = FileCalls.MountFlags(fd);
        ulong flags = st & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME | MS_NODIRATIME);
        if ((st & 4096 /* ST_RELATIME */) != 0)
        {
            flags |= MS_RELATIME;
        }

        return flags;
    }
}
