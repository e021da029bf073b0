using System.Globalization;
using System.Text;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>
/// The parent side of a launch: cgroup, clone (native/hctr_spawn.c), id maps, release, plan over a memfd,
/// stdio or a pty, signal forwarding, wait, cleanup. Runs the container in the foreground and returns its exit code.
/// </summary>
public static class Launcher
{
    /// <summary>
    /// Runs on the calling thread, which clones the child and blocks until it exits: the child's parent-death
    /// signal fires when the thread that cloned it exits, so that thread lives exactly as long as the container.
    /// (A thread of its own cost every launch a thread start, about 0.4 ms, for nothing: the caller waits anyway.)
    /// </summary>
    public static LaunchResult Run(LaunchPlan plan, LaunchOptions options) => RunOnThisThread(plan, options);

    private static LaunchResult RunOnThisThread(LaunchPlan plan, LaunchOptions options)
    {
        using var planFd = WritePlan(plan);
        using var appArmor = AppArmor.AppArmorLoader.LoadIfPlanned(plan.AppArmor); // unloaded last, when no other launch uses it
        IReadOnlyList<string> cgroupDirs = [];
        if (plan.Cgroup.Controllers.Count > 0 || plan.Cgroup.Settings.Count > 0)
        {
            cgroupDirs = options.Cgroups.Create(plan.Cgroup, options.OnCgroupsPlanned);
        }

        LaunchResult result;
        try
        {
            result = Spawn(plan, options, planFd, cgroupDirs);
        }
        catch (Exception e)
        {
            // Cleanup errors are attached to the original error, never mask it.
            try
            {
                options.Cgroups.Destroy(cgroupDirs);
            }
            catch (Exception cleanup)
            {
                e.Data["hctr.cleanup"] = cleanup.Message;
            }

            throw;
        }

        options.Cgroups.Destroy(cgroupDirs);
        return result;
    }

    private static unsafe LaunchResult Spawn(LaunchPlan plan, LaunchOptions options, SafeFd planFd, IReadOnlyList<string> cgroupDirs)
    {
        var (errRead, errWrite) = FileCalls.Pipe();
        var (syncRead, syncWrite) = FileCalls.Pipe();
        var (joinedRead, joinedWrite) = FileCalls.Pipe();
        using var _1 = errRead;
        using var _2 = syncWrite;
        using var _3 = joinedWrite;
        using var console = plan.Process.Terminal ? ConsoleSocket.Create() : null;
        ContainerProcess child;
        bool bornInside;
        using (errWrite)
        using (syncRead)
        using (joinedRead)
        {
            string[] argv =
            [
                options.InitExecutable, .. options.InitPrefixArguments, "init",
                "--plan-fd", planFd.Fd.ToString(CultureInfo.InvariantCulture),
                "--error-fd", errWrite.Fd.ToString(CultureInfo.InvariantCulture),
                "--cgroup-fd", joinedRead.Fd.ToString(CultureInfo.InvariantCulture),
                .. console?.InitArguments ?? [],
            ];
            // Where the layout allows, the child is born in its cgroup: on v2 through clone3(CLONE_INTO_CGROUP);
            // on v1 this thread enters the cgroups for the clone only.
            string? cloneInto = cgroupDirs.Count > 0 ? options.Cgroups.CloneIntoDirectory(cgroupDirs) : null;
            using var cgroupFd = cloneInto is null ? null
                : new SafeFd(Errno.Check(FileCalls.open(cloneInto, FileCalls.O_RDONLY | FileCalls.O_DIRECTORY | FileCalls.O_CLOEXEC, 0), "open", cloneInto));
            var inside = cgroupDirs.Count > 0 && cgroupFd is null ? options.Cgroups.EnterForClone(cgroupDirs) : null;
            bornInside = inside is not null || cgroupFd is not null;
            try
            {
                child = ContainerProcess.Start(new ContainerProcess.StartInfo(
                    plan.Namespaces.CloneFlags, syncRead.Fd, syncWrite.Fd, errWrite.Fd, errRead.Fd,
                    SetRootIds: plan.IdMaps.Uid.Count > 0, Reaper: plan.Process.Init,
                    Stdio: console?.InitStdio.Fd ?? -1, ControllingTty: false,
                    KeepFds: [planFd.Fd, errWrite.Fd, joinedRead.Fd, .. console is null ? [] : (int[])[console.ChildFd]], options.InitExecutable, argv, [.. options.InitEnvironment],
                    CgroupFd: cgroupFd?.Fd ?? -1));
            }
            catch
            {
                inside?.Dispose();
                throw;
            }

            console?.CloseChildEnd();
            try
            {
                inside?.Dispose();
            }
            catch
            {
                using (child)
                {
                    child.Kill();
                    child.WaitForExit(null);
                }

                throw;
            }
        }

        using (child)
        {
            try
            {
                options.OnCreated?.Invoke(child.Pid, cgroupDirs);
                WriteIdMaps(child.Pid, plan.IdMaps);
                Release(plan, options, child, cgroupDirs, bornInside, syncWrite, joinedWrite);
            }
            catch
            {
                child.Kill();
                child.WaitForExit(null);
                throw;
            }

            syncWrite.Dispose();
            joinedWrite.Dispose();
            using var pty = console?.Accept();
            using var signals = options.ForwardSignals ? new SignalForwarder(child, pty) : null;
            pty?.StartCopying();
            int? status = child.WaitForExit(options.Timeout);
            bool timedOut = status is null;
            if (timedOut)
            {
                child.Kill();
                status = child.WaitForExit(null);
            }

            pty?.FinishCopying();
            var failure = LaunchFailure.TryParse(FileCalls.ReadToEnd(errRead.Fd, "error pipe", 64 << 10));
            int code = failure?.ExitCode ?? ProcessCalls.ExitCode(status!.Value);
            return new LaunchResult(code, failure, timedOut, options.Cgroups.OomKilled(cgroupDirs));
        }
    }

    /// <summary>
    /// Lets the child go, and moves it into its cgroup unless it was born there (v1, <see cref="ICgroupManager.EnterForClone"/>).
    /// A process move waits for an RCU grace period after an idle spell (5-15 ms here), so the child is released
    /// first and starts <c>hctr-init</c> while the parent moves it; init reads the "joined" byte before it
    /// executes the workload (InitStage), so no workload instruction runs outside its limits. With a reaper
    /// (<c>--init</c>) the first process forks after the go byte, and a process forked before the move would stay
    /// outside the cgroup, so there the move comes first.
    /// </summary>
    private static void Release(LaunchPlan plan, LaunchOptions options, ContainerProcess child, IReadOnlyList<string> cgroupDirs,
        bool bornInside, SafeFd syncWrite, SafeFd joinedWrite)
    {
        bool moveFirst = !bornInside && plan.Process.Init;
        if (moveFirst)
        {
            options.Cgroups.AddProcess(cgroupDirs, child.Pid);
        }

        FileCalls.WriteAll(syncWrite.Fd, [1], "sync pipe");
        if (!moveFirst && !bornInside)
        {
            options.Cgroups.AddProcess(cgroupDirs, child.Pid);
        }

        try
        {
            FileCalls.WriteAll(joinedWrite.Fd, [1], "cgroup pipe");
        }
        catch (SyscallException e) when (e.Errno == Errno.EPIPE)
        {
            // The child is gone already; its error record (or exit status) says why.
        }
    }

    private static SafeFd WritePlan(LaunchPlan plan)
    {
        var fd = new SafeFd(Errno.Check(FileCalls.memfd_create("hctr-plan", FileCalls.MFD_CLOEXEC), "memfd_create", "plan"));
        FileCalls.WriteAll(fd.Fd, PlanWire.Write(plan), "plan");
        return fd;
    }

    /// <summary>setgroups first ("deny" must precede gid_map), then uid_map and gid_map, each in one write.</summary>
    private static void WriteIdMaps(int pid, IdMapPlan maps)
    {
        if (maps.Uid.Count == 0)
        {
            return;
        }

        string proc = $"/proc/{pid}";
        if (maps.DenySetgroups)
        {
            FileCalls.WriteText($"{proc}/setgroups", "deny");
        }

        FileCalls.WriteText($"{proc}/uid_map", Format(maps.Uid));
        FileCalls.WriteText($"{proc}/gid_map", Format(maps.Gid));
    }

    private static string Format(IReadOnlyList<IdMapEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.ContainerId} {e.HostId} {e.Size}\n");
        }

        return sb.ToString();
    }
}
