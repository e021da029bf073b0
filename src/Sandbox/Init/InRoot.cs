using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Init;

/// <summary>
/// Container paths resolved beneath a root fd with openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS): a symlink
/// (absolute or "..") can never lead out of the rootfs (CVE-2021-30465 class). Missing targets are created
/// the same way, one component at a time, each relative to an fd already known to be inside the root.
/// </summary>
internal static class InRoot
{
    private const ulong Resolve = MountCalls.RESOLVE_IN_ROOT | MountCalls.RESOLVE_NO_MAGICLINKS;

    /// <summary>An O_PATH fd for <paramref name="path"/> inside <paramref name="rootFd"/>, or null if it does not exist.</summary>
    public static SafeFd? TryOpen(int rootFd, string path)
    {
        string rel = path.Trim('/');
        int fd = MountCalls.Openat2(rootFd, rel.Length == 0 ? "." : rel, FileCalls.O_PATH | FileCalls.O_CLOEXEC, Resolve);
        if (fd < 0)
        {
            return Errno.Last == Errno.ENOENT ? null : throw new SyscallException("openat2", Errno.Last, path);
        }

        return new SafeFd(fd);
    }

    public static SafeFd Open(int rootFd, string path) =>
        TryOpen(rootFd, path) ?? throw new SyscallException("openat2", Errno.ENOENT, path);

    /// <summary>
    /// Opens the mount target, creating it (and its parents) when missing, and checks its type. With
    /// <paramref name="rootfsWritable"/> false nothing is created on the rootfs's own mount (EROFS, without
    /// trying); creating inside a mount made earlier, such as /dev/shm in the /dev tmpfs, is still allowed.
    /// </summary>
    public static SafeFd OpenTarget(int rootFd, string path, MountTargetKind kind, bool rootfsWritable = true)
    {
        var fd = TryOpen(rootFd, path);
        if (fd is null)
        {
            Create(rootFd, path, kind, rootfsWritable ? null : FileCalls.MountId(rootFd));
            fd = Open(rootFd, path);
        }

        bool isDir = FileCalls.FileType(fd.Fd) == FileCalls.S_IFDIR;
        if (isDir != (kind == MountTargetKind.Directory))
        {
            fd.Dispose();
            throw new SyscallException("openat2", isDir ? Errno.EISDIR : Errno.ENOTDIR, path);
        }

        return fd;
    }

    public static string ProcFdPath(SafeFd fd) => $"/proc/self/fd/{fd.Fd}";

    private static void Create(int rootFd, string path, MountTargetKind kind, ulong? readOnlyMount)
    {
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return;
        }

        string prefix = "";
        for (int i = 0; i < parts.Length; i++)
        {
            string parentPath = prefix;
            prefix = prefix.Length == 0 ? parts[i] : $"{prefix}/{parts[i]}";
            using var existing = TryOpen(rootFd, prefix);
            if (existing is not null)
            {
                continue;
            }

            using var parent = Open(rootFd, parentPath);
            bool leaf = i == parts.Length - 1;
            bool file = leaf && kind == MountTargetKind.File;
            if (readOnlyMount is { } rootMount && FileCalls.MountId(parent.Fd) == rootMount)
            {
                throw new SyscallException(file ? "openat" : "mkdirat", Errno.EROFS, "/" + prefix);
            }

            if (file)
            {
                int fd = FileCalls.openat(parent.Fd, parts[i], FileCalls.O_CREAT | FileCalls.O_EXCL | FileCalls.O_NOFOLLOW | FileCalls.O_CLOEXEC | FileCalls.O_WRONLY, 0x1a4);
                Errno.Check(fd, "openat", "/" + prefix);
                FileCalls.close(fd);
            }
            else if (FileCalls.mkdirat(parent.Fd, parts[i], 0x1ed) < 0 && Errno.Last != Errno.EEXIST)
            {
                throw new SyscallException("mkdirat", Errno.Last, "/" + prefix);
            }
        }
    }
}
