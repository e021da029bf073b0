using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Init;

public static unsafe partial class InitStage
{
    /// <summary>
    /// <c>-t</c>: a pty from the container's own devpts instance (mounted with newinstance, <c>/dev/ptmx</c> a link
    /// to <c>pts/ptmx</c>), so its slave is <c>/dev/pts/N</c> inside. The slave becomes the controlling terminal
    /// (new session) and stdio; the master goes to hctr over the console socket, which then answers one byte
    /// once the window size is set. The socket and the master are closed here; the slave's own fd is
    /// close-on-exec: the workload holds the pty only as fds 0, 1 and 2.
    /// </summary>
    private static void ApplyConsole(ProcessPlan process, int consoleFd)
    {
        if (!process.Terminal)
        {
            return;
        }

        InitStepException.Run("console", default, () =>
        {
            if (consoleFd < 0)
            {
                // Fails closed: the plan asks for a terminal and there is nobody to hand it to.
                throw new SyscallException("console", Errno.EBADF, "--console-fd (the plan asks for a terminal)");
            }

            using var socket = new SafeFd(consoleFd);
            using (var slave = OpenConsole(socket.Fd, process.Uid))
            {
                Errno.Check(ConsoleCalls.setsid(), "setsid");
                Errno.Check(TerminalCalls.ioctl(slave.Fd, ConsoleCalls.TIOCSCTTY, null), "ioctl TIOCSCTTY", "pty slave");
                for (int fd = 0; fd < 3; fd++)
                {
                    Errno.Check(ConsoleCalls.dup2(slave.Fd, fd), "dup2", "pty slave");
                }
            }

            if (!FileCalls.ReadOne(socket.Fd, "console socket (hctr did not answer)"))
            {
                throw new SyscallException("read", Errno.EPIPE, "console socket (hctr did not answer)");
            }
        });
    }

    /// <summary>Allocates the pty, sends the master to hctr, returns the slave (close-on-exec).</summary>
    private static SafeFd OpenConsole(int socket, uint uid)
    {
        const int flags = FileCalls.O_RDWR | FileCalls.O_NOCTTY | FileCalls.O_CLOEXEC;
        using var master = new SafeFd(Errno.Check(FileCalls.open("/dev/ptmx", flags, 0), "open", "/dev/ptmx"));
        int unlock = 0;
        Errno.Check(TerminalCalls.ioctl(master.Fd, ConsoleCalls.TIOCSPTLCK, &unlock), "ioctl TIOCSPTLCK", "/dev/ptmx");

        // TIOCGPTPEER opens the slave through the master's own devpts mount: no path lookup to race with.
        var slave = new SafeFd(Errno.Check(TerminalCalls.ioctl(master.Fd, ConsoleCalls.TIOCGPTPEER, (void*)flags), "ioctl TIOCGPTPEER", "/dev/ptmx"));
        try
        {
            // The workload's user owns its terminal (as login(1) would make it); the group stays devpts's.
            Errno.Check(ConsoleCalls.fchown(slave.Fd, uid, uint.MaxValue), "fchown", "pty slave");
            ConsoleCalls.SendFd(socket, master.Fd);
            return slave;
        }
        catch
        {
            slave.Dispose();
            throw;
        }
    }
}
