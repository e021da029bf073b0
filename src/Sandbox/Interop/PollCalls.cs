using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>poll(2) on one or two fds.</summary>
internal static unsafe partial class PollCalls
{
    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Libc.Name, EntryPoint = "poll", SetLastError = true)]
    private static partial int poll(PollFd* fds, ulong count, int timeout);

    /// <summary>True when the pipe write end <paramref name="fd"/> has no reader left (POLLERR).</summary>
    public static bool ReaderGone(int fd)
    {
        var p = new PollFd { Fd = fd, Events = 4 /* POLLOUT */ };
        return poll(&p, 1, 0) == 1 && (p.Revents & 8 /* POLLERR */) != 0;
    }

    /// <summary>True when <paramref name="fd"/> became readable (a pidfd: the process exited) within the timeout.</summary>
    public static bool WaitReadable(int fd, int timeoutMs)
    {
        var p = new PollFd { Fd = fd, Events = 1 /* POLLIN */ };
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int left = (int)Math.Max(0, deadline - Environment.TickCount64);
            int r = poll(&p, 1, left);
            if (r > 0)
            {
                return true;
            }

            if (r == 0)
            {
                return false;
            }

            if (Errno.Last != Errno.EINTR)
            {
                throw new SyscallException("poll", Errno.Last);
            }
        }
    }

    /// <summary>
    /// Blocks until <paramref name="fd"/> or <paramref name="stopFd"/> is readable (or hung up); true when
    /// <paramref name="fd"/> is, false when <paramref name="stopFd"/> is.
    /// </summary>
    public static bool WaitReadableUnlessStopped(int fd, int stopFd)
    {
        PollFd* p = stackalloc PollFd[2];
        p[0] = new PollFd { Fd = stopFd, Events = 1 /* POLLIN */ };
        p[1] = new PollFd { Fd = fd, Events = 1 /* POLLIN */ };
        while (true)
        {
            int r = poll(p, 2, -1);
            if (r > 0)
            {
                return p[0].Revents == 0;
            }

            if (Errno.Last != Errno.EINTR)
            {
                throw new SyscallException("poll", Errno.Last);
            }
        }
    }
}
