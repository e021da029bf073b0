using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Init;

public static partial class InitStage
{
    private const ulong RemountableBits = MountCalls.MS_RDONLY | MountCalls.MS_NOSUID | MountCalls.MS_NODEV | MountCalls.MS_NOEXEC;

    private static SafeFd BindRootfs(RootfsPlan rootfs)
    {
        SafeFd? fd = null;
        InitStepException.Run("rootfs", rootfs.Origin, () =>
        {
            Errno.Check(MountCalls.mount(rootfs.Path, rootfs.Path, null, MountCalls.MS_BIND | MountCalls.MS_REC, null), "mount", rootfs.Path);
            fd = new SafeFd(Errno.Check(FileCalls.open(rootfs.Path, FileCalls.O_PATH | FileCalls.O_DIRECTORY | FileCalls.O_CLOEXEC, 0), "open", rootfs.Path));
        });
        return fd!;
    }

    private static void ApplyMounts(int rootFd, LaunchPlan plan)
    {
        foreach (var m in plan.Mounts)
        {
            InitStepException.Run("mounts", m.Origin, () => Mount(rootFd, m, plan));
        }
    }

    private static void Mount(int rootFd, MountStep m, LaunchPlan plan)
    {
        bool bind = (m.Flags & MountCalls.MS_BIND) != 0;
        ulong propagation = m.Flags & MountCalls.PropagationMask;
        ulong flags = m.Flags & ~propagation;
        using (var target = OpenMountTarget(rootFd, m, plan))
        {
            ulong first = bind ? flags & (MountCalls.MS_BIND | MountCalls.MS_REC) : flags;
            string? source = m.Source.Length == 0 ? null : m.Source;
            string? fstype = bind || m.FsType.Length == 0 ? null : m.FsType;
            string? data = m.Data.Length == 0 ? null : m.Data;
            Errno.Check(MountCalls.mount(source, InRoot.ProcFdPath(target), fstype, first, data), "mount", m.Target);
        }

        if (bind && (flags & RemountableBits) != 0)
        {
            // A bind mount takes its flags only from a second, remount call; keep flags locked by the user namespace.
            using var mounted = InRoot.Open(rootFd, m.Target);
            ulong remount = MountCalls.MS_BIND | MountCalls.MS_REMOUNT | (flags & (RemountableBits | MountCalls.MS_REC)) | MountCalls.LockedFlags(mounted.Fd);
            Errno.Check(MountCalls.mount(null, InRoot.ProcFdPath(mounted), null, remount, null), "mount", m.Target + " (remount)");
        }

        if (propagation != 0)
        {
            using var mounted = InRoot.Open(rootFd, m.Target);
            Errno.Check(MountCalls.mount(null, InRoot.ProcFdPath(mounted), null, propagation | (flags & MountCalls.MS_REC), null), "mount", m.Target + " (propagation)");
        }
    }

    /// <summary>
    /// The target inside the root, created when missing (fd-relative, never through a symlink out of the root),
    /// except on a rootfs the plan makes read-only: hctr does not write into it. Creation failures name the fix.
    /// </summary>
    private static SafeFd OpenMountTarget(int rootFd, MountStep m, LaunchPlan plan)
    {
        try
        {
            return InRoot.OpenTarget(rootFd, m.Target, m.TargetKind, rootfsWritable: !plan.Rootfs.ReadOnly);
        }
        catch (SyscallException e) when (e.Operation is "mkdirat" or "openat" && e.Errno is Errno.EROFS or Errno.EACCES or Errno.EPERM)
        {
            throw new InitStepException("mounts", m.Origin, e, MissingTargetHint(m.Target, e, plan));
        }
    }

    private static string MissingTargetHint(string target, SyscallException e, LaunchPlan plan)
    {
        string create = $"create {target} in the rootfs ({plan.Rootfs.Path}) before the run";
        if (e.Errno == Errno.EROFS && plan.Rootfs.ReadOnly)
        {
            var at = plan.Rootfs.Origin;
            string where = at.IsNone ? "" : $" at {at.File}:{at.Line}";
            return $"{target} does not exist and the rootfs is read-only{where}: {create}, or make the rootfs writable";
        }

        if (e.Errno == Errno.EROFS)
        {
            return $"{target} does not exist and the rootfs is on a read-only filesystem: {create}";
        }

        string root = plan.IdMaps.Uid.FirstOrDefault(u => u.ContainerId == 0) is { } map ? $" (host uid {map.HostId})" : "";
        return $"{target} does not exist and the container's root{root} may not create {e.Path}: {create}, or give the mapped root its parent directory";
    }

    private static void ApplyDevLinks(int rootFd, IReadOnlyList<MountStep> mounts)
    {
        var dev = mounts.FirstOrDefault(m => m.Target.TrimEnd('/') == "/dev");
        if (dev is null)
        {
            return;
        }

        InitStepException.Run("dev links", dev.Origin, () =>
        {
            using var devFd = InRoot.Open(rootFd, "/dev");
            (string Target, string Link)[] links =
            [
                ("/proc/self/fd", "fd"), ("/proc/self/fd/0", "stdin"), ("/proc/self/fd/1", "stdout"),
                ("/proc/self/fd/2", "stderr"), ("pts/ptmx", "ptmx"),
            ];
            foreach (var (target, link) in links)
            {
                if (FileCalls.symlinkat(target, devFd.Fd, link) < 0 && Errno.Last != Errno.EEXIST)
                {
                    throw new SyscallException("symlinkat", Errno.Last, "/dev/" + link);
                }
            }
        });
    }

    private static void PivotRoot(int rootFd)
    {
        // pivot_root(".", "."): the old root ends up stacked under the new one and is detached at once;
        // no directory for it is needed inside the rootfs.
        Errno.Check(FileCalls.fchdir(rootFd), "fchdir", "rootfs");
        Errno.Check(MountCalls.PivotRoot(".", "."), "pivot_root", ".");
        Errno.Check(MountCalls.umount2(".", MountCalls.MNT_DETACH), "umount2", "old root");
        Errno.Check(FileCalls.chdir("/"), "chdir", "/");
    }

    private static void ApplyMaskedPaths(int rootFd, IReadOnlyList<PathStep> paths)
    {
        foreach (var p in paths)
        {
            InitStepException.Run("masked paths", p.Origin, () =>
            {
                using var fd = InRoot.TryOpen(rootFd, p.Path);
                if (fd is null)
                {
                    return;
                }

                bool dir = FileCalls.FileType(fd.Fd) == FileCalls.S_IFDIR;
                int rc = dir
                    ? MountCalls.mount("tmpfs", InRoot.ProcFdPath(fd), "tmpfs", MountCalls.MS_RDONLY | MountCalls.MS_NOSUID | MountCalls.MS_NODEV | MountCalls.MS_NOEXEC, "size=0")
                    : MountCalls.mount("/dev/null", InRoot.ProcFdPath(fd), null, MountCalls.MS_BIND, null);
                Errno.Check(rc, "mount", p.Path);
            });
        }
    }

    private static void ApplyReadOnlyPaths(int rootFd, IReadOnlyList<PathStep> paths)
    {
        foreach (var p in paths)
        {
            InitStepException.Run("readonly paths", p.Origin, () =>
            {
                using (var fd = InRoot.TryOpen(rootFd, p.Path))
                {
                    if (fd is null)
                    {
                        return;
                    }

                    Errno.Check(MountCalls.mount(InRoot.ProcFdPath(fd), InRoot.ProcFdPath(fd), null, MountCalls.MS_BIND | MountCalls.MS_REC, null), "mount", p.Path);
                }

                using var mounted = InRoot.Open(rootFd, p.Path);
                ulong flags = MountCalls.MS_BIND | MountCalls.MS_REMOUNT | MountCalls.MS_RDONLY | MountCalls.LockedFlags(mounted.Fd);
                Errno.Check(MountCalls.mount(null, InRoot.ProcFdPath(mounted), null, flags, null), "mount", p.Path + " (read-only)");
            });
        }
    }

    private static void ApplyRootfsReadOnly(RootfsPlan rootfs)
    {
        if (!rootfs.ReadOnly)
        {
            return;
        }

        InitStepException.Run("rootfs read-only", rootfs.Origin, () =>
        {
            using var root = new SafeFd(Errno.Check(FileCalls.open("/", FileCalls.O_PATH | FileCalls.O_CLOEXEC, 0), "open", "/"));
            ulong flags = MountCalls.MS_BIND | MountCalls.MS_REMOUNT | MountCalls.MS_RDONLY | MountCalls.LockedFlags(root.Fd);
            Errno.Check(MountCalls.mount(null, "/", null, flags, null), "mount", "/ (read-only)");
        });
    }
}
