using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>waitpid, kill, pidfd_send_signal, execve, execv, getpid.</summary>
internal static unsafe partial class ProcessCalls
{
    public const int WNOHANG = 1;
    public const int SIGKILL = 9;

    [LibraryImport(Libc.Name, EntryPoint = "waitpid", SetLastError = true)]
    public static partial int waitpid(int pid, int* status, int options);

    [LibraryImport(Libc.Name, EntryPoint = "kill", SetLastError = true)]
    public static partial int kill(int pid, int signal);

    [LibraryImport(Libc.Name, EntryPoint = "getpid")]
    public static partial int getpid();

    [LibraryImport(Libc.Name, EntryPoint = "execve", SetLastError = true)]
    public static partial int execve(byte* path, byte** argv, byte** envp);

    /// <summary>execve with this process's own environment (libc's environ, untouched by .NET).</summary>
    [LibraryImport(Libc.Name, EntryPoint = "execv", SetLastError = true)]
    public static partial int execv(byte* path, byte** argv);

    public static int PidfdSendSignal(int pidfd, int signal) =>
        (int)Libc.Syscall(SyscallNumbers.PidfdSendSignal, pidfd, signal, 0, 0, 0);

    /// <summary>Blocks until <paramref name="pid"/> exits; returns the raw wait status.</summary>
    public static int WaitForExit(int pid)
    {
        int status;
        while (true)
        {
            int r = waitpid(pid, &status, 0);
            if (r == pid)
            {
                return status;
            }

            if (r < 0 && Errno.Last != Errno.EINTR)
            {
                throw new SyscallException("waitpid", Errno.Last, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Exit code like a shell: N, or 128+N when killed by signal N.</summary>
    public static int ExitCode(int status) =>
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
}
