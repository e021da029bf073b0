using System.Runtime.InteropServices;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>The cloned container init: its pid (in hctr's pid namespace) and a pidfd, so signals never hit a recycled pid.</summary>
internal sealed unsafe class ContainerProcess : IDisposable
{
    private readonly SafeFd _pidfd;
    private bool _reaped;

    private ContainerProcess(int pid, SafeFd pidfd)
    {
        Pid = pid;
        _pidfd = pidfd;
    }

    public int Pid { get; }

    public sealed record StartInfo(
        ulong CloneFlags, int SyncReadFd, int SyncWriteFd, int ErrorFd, int ErrorReadFd, bool SetRootIds, bool Reaper,
        int Stdio, bool ControllingTty, int[] KeepFds, string Path, string[] Argv, string[] Envp, int CgroupFd = -1);

    /// <summary>Clones through the native helper; nothing managed runs in the child.</summary>
    public static ContainerProcess Start(StartInfo info)
    {
        using var strings = new NativeStrings();
        fixed (int* keep = info.KeepFds)
        {
            var args = new SpawnCalls.SpawnArgs
            {
                CloneFlags = info.CloneFlags,
                SyncReadFd = info.SyncReadFd,
                SyncWriteFd = info.SyncWriteFd,
                ErrorFd = info.ErrorFd,
                ErrorReadFd = info.ErrorReadFd,
                PdeathSignal = ProcessCalls.SIGKILL,
                SetRootIds = info.SetRootIds ? 1 : 0,
                Reaper = info.Reaper ? 1 : 0,
                Stdin = info.Stdio,
                Stdout = info.Stdio,
                Stderr = info.Stdio,
                ControllingTty = info.ControllingTty ? 1 : 0,
                KeepCount = info.KeepFds.Length,
                KeepFds = keep,
                Path = strings.Str(info.Path),
                Argv = strings.Vec(info.Argv),
                Envp = strings.Vec(info.Envp),
                CgroupFd = info.CgroupFd,
            };
            int pidfd;
            int pid = SpawnCalls.hctr_spawn(&args, &pidfd);
            if (pid < 0)
            {
                throw new SyscallException("clone3", -pid, "container init");
            }

            return new ContainerProcess(pid, new SafeFd(pidfd));
        }
    }

    public void Signal(int signal)
    {
        if (!_reaped)
        {
            ProcessCalls.PidfdSendSignal(_pidfd.Fd, signal);
        }
    }

    public void Kill() => Signal(ProcessCalls.SIGKILL);

    /// <summary>The raw wait status, or null when <paramref name="timeout"/> passed first.</summary>
    public int? WaitForExit(TimeSpan? timeout)
    {
        if (timeout is { } t && !PollCalls.WaitReadable(_pidfd.Fd, (int)t.TotalMilliseconds))
        {
            return null;
        }

        int status = ProcessCalls.WaitForExit(Pid);
        _reaped = true;
        return status;
    }

    public void Dispose()
    {
        if (!_reaped)
        {
            Kill();
            WaitForExit(null);
        }

        _pidfd.Dispose();
    }
}
