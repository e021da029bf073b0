using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Init;

/// <summary>
/// The init stage (<c>hctr-init</c>, src/Sandbox.Init): runs inside the new namespaces (started by native/hctr_spawn.c after the parent wrote the
/// id maps and moved it into its cgroup), reads the LaunchPlan from an inherited fd and applies it, then
/// execs the workload. Errors go back over <c>errorFd</c> as one <see cref="LaunchFailure"/> record.
/// Everything here is synchronous, on the thread that will call execve: credentials, capabilities,
/// no_new_privs, Landlock and seccomp are per-thread, and execve makes this thread the only one.
/// </summary>
public static partial class InitStage
{
    private const int PlanSizeLimit = 16 << 20;

    public static int Run(int planFd, int errorFd, int cgroupFd = -1, int consoleFd = -1)
    {
        try
        {
            // First: nobody may ptrace this process or open /proc/<pid>/exe (the host binary) before exec.
            InitStepException.Run("init", default, () => Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_SET_DUMPABLE, 0, 0, 0, 0), "prctl", "PR_SET_DUMPABLE"));
            FileCalls.fcntl(errorFd, FileCalls.F_SETFD, FileCalls.FD_CLOEXEC);
            if (cgroupFd >= 0)
            {
                FileCalls.fcntl(cgroupFd, FileCalls.F_SETFD, FileCalls.FD_CLOEXEC);
            }

            if (consoleFd >= 0)
            {
                FileCalls.fcntl(consoleFd, FileCalls.F_SETFD, FileCalls.FD_CLOEXEC); // never inherited by the workload
            }

            LaunchPlan plan = ReadPlan(planFd);
            Apply(plan, errorFd, cgroupFd, consoleFd);
            return 125; // Apply returns only through a failure
        }
        catch (InitStepException e)
        {
            Report(errorFd, e.ToFailure());
            return e.ToFailure().ExitCode;
        }
        catch (SyscallException e)
        {
            Report(errorFd, new LaunchFailure("plan", e.Operation, e.Errno, e.Path ?? "", ""));
            return 125;
        }
        catch (Exception e)
        {
            // Fails closed: whatever went wrong, the workload is not executed.
            Report(errorFd, new LaunchFailure("init", e.GetType().Name, Errno.EINVAL, e.Message, ""));
            return 125;
        }
    }

    private static LaunchPlan ReadPlan(int planFd)
    {
        Errno.Check(FileCalls.lseek(planFd, 0, 0), "lseek", "plan");
        byte[] bytes = FileCalls.ReadToEnd(planFd, "plan", PlanSizeLimit);
        FileCalls.close(planFd);
        return PlanWire.Read(bytes);
    }

    /// <summary>
    /// The one place that fixes the order. Each constraint:
    /// 1. chdir("/") so the host cwd is not held (CVE-2024-21626 class) and pivot_root can move every cwd.
    /// 2. Propagation private before any mount, so nothing we mount reaches the host (and pivot_root accepts it).
    /// 3. Bind the rootfs onto itself: pivot_root needs a mount point; the root fd is opened after, on the bind.
    /// 4. Plan mounts, targets resolved inside the root fd (never following symlinks out), before pivot_root
    ///    because bind sources are host paths.
    /// 5. /dev links, only when the plan mounted a /dev.
    /// 6. pivot_root(".", ".") and detach the old root: nothing of the host stays reachable.
    /// 7. Sysctls, written to the container's /proc/sys before step 8 makes it read-only.
    /// 8. Masked then read-only paths, after /proc is mounted (CVE-2019-16884 class) and before exec.
    /// 9. Rootfs read-only last among mounts (it would block creating mount targets); then hostname, rlimits,
    ///    loopback and, with -t, the console (a pty of the container's devpts, after pivot_root so its slave is
    ///    /dev/pts/N inside; chown of the slave needs CAP_CHOWN): they need the capabilities that step 11 drops.
    /// 10. Wait for the parent's "joined" byte: the parent moves this process into its cgroup while init starts
    ///     (Launcher.Release), and the workload must not run a single instruction outside its limits.
    /// 11. Exec thread: ids, capabilities, AppArmor exec label (effective at execve; before Landlock, which could
    ///     deny opening /proc/self/attr), no_new_privs, Landlock, seccomp (last: the filter would deny the calls
    ///     before it), fds marked close-on-exec, cwd, execve.
    /// </summary>
    private static void Apply(LaunchPlan plan, int errorFd, int cgroupFd, int consoleFd)
    {
        var none = plan.Rootfs.Origin;
        InitStepException.Run("init", none, () => Errno.Check(FileCalls.chdir("/"), "chdir", "/"));
        InitStepException.Run("propagation", none, () => Errno.Check(MountCalls.mount(null, "/", null, MountCalls.MS_REC | MountCalls.MS_PRIVATE, null), "mount", "/ (MS_PRIVATE)"));
        using (SafeFd root = BindRootfs(plan.Rootfs))
        {
            ApplyMounts(root.Fd, plan);
            ApplyDevLinks(root.Fd, plan.Mounts);
            InitStepException.Run("pivot_root", plan.Rootfs.Origin, () => PivotRoot(root.Fd));
        }

        ApplySysctls(plan.Sysctls);
        using (var root = new SafeFd(Errno.Check(FileCalls.open("/", FileCalls.O_PATH | FileCalls.O_DIRECTORY | FileCalls.O_CLOEXEC, 0), "open", "/")))
        {
            ApplyMaskedPaths(root.Fd, plan.MaskedPaths);
            ApplyReadOnlyPaths(root.Fd, plan.ReadOnlyPaths);
        }

        ApplyRootfsReadOnly(plan.Rootfs);
        ApplyHostname(plan);
        ApplyRlimits(plan.Rlimits);
        ApplyLoopback(plan.Network);
        ApplyConsole(plan.Process, consoleFd);
        AwaitCgroup(cgroupFd, plan.Rootfs.Origin);
        Exec(plan, errorFd);
    }

    /// <summary>One byte from the parent once this process is in its cgroup; end of file means it never will be: fail closed.</summary>
    private static void AwaitCgroup(int cgroupFd, Hctr.Policy.Diagnostics.SourceLocation origin)
    {
        if (cgroupFd < 0)
        {
            return;
        }

        InitStepException.Run("cgroup", origin, () =>
        {
            bool joined = FileCalls.ReadOne(cgroupFd, "cgroup pipe");
            FileCalls.close(cgroupFd);
            if (!joined)
            {
                throw new SyscallException("read", Errno.EPIPE, "cgroup pipe (the parent did not move the container into its cgroup)");
            }
        });
    }

    private static void Report(int errorFd, LaunchFailure failure)
    {
        try
        {
            FileCalls.WriteAll(errorFd, failure.ToWire(), "error pipe");
        }
        catch (SyscallException)
        {
            // The parent is gone; the exit code still says 125.
        }
    }
}
