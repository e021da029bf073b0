using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>
/// The console socket of <c>-t</c> (runc's model): a unix socketpair, one pty master passed over it with
/// SCM_RIGHTS, and the pty calls the init stage needs inside the container's own devpts instance.
/// </summary>
internal static unsafe partial class ConsoleCalls
{
    public const ulong TIOCSCTTY = 0x540E;
    public const ulong TIOCGPTN = 0x80045430;
    public const ulong TIOCSPTLCK = 0x40045431;
    public const ulong TIOCGPTPEER = 0x5441;

    private const int AF_UNIX = 1;
    private const int SOCK_STREAM = 1;
    private const int SOCK_CLOEXEC = 0x80000;
    private const int SOL_SOCKET = 1;
    private const int SCM_RIGHTS = 1;
    private const int MSG_CTRUNC = 0x8;
    private const int MSG_CMSG_CLOEXEC = 0x40000000;
    private const int MSG_NOSIGNAL = 0x4000;

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct cmsghdr followed by one int: CMSG_SPACE(sizeof(int)) on LP64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FdControl
    {
        public nuint Length;
        public int Level;
        public int Type;
        public int Fd;
        public int Padding;
    }

    [LibraryImport(Libc.Name, EntryPoint = "socketpair", SetLastError = true)]
    private static partial int socketpair(int domain, int type, int protocol, int* fds);

    [LibraryImport(Libc.Name, EntryPoint = "sendmsg", SetLastError = true)]
    private static partial nint sendmsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport(Libc.Name, EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint recvmsg(int fd, MsgHdr* msg, int flags);

    [LibraryImport(Libc.Name, EntryPoint = "setsid", SetLastError = true)]
    public static partial int setsid();

    [LibraryImport(Libc.Name, EntryPoint = "dup2", SetLastError = true)]
    public static partial int dup2(int oldFd, int newFd);

    [LibraryImport(Libc.Name, EntryPoint = "fchown", SetLastError = true)]
    public static partial int fchown(int fd, uint uid, uint gid);

    /// <summary>A connected pair, both ends close-on-exec.</summary>
    public static (SafeFd Parent, SafeFd Child) SocketPair()
    {
        int* fds = stackalloc int[2];
        Errno.Check(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), "socketpair", "console socket");
        return (new SafeFd(fds[0]), new SafeFd(fds[1]));
    }

    /// <summary>Sends <paramref name="fd"/> with one payload byte.</summary>
    public static void SendFd(int socket, int fd)
    {
        byte payload = (byte)'T';
        var iov = new IoVec { Base = &payload, Length = 1 };
        var control = new FdControl { Length = (nuint)(sizeof(nuint) + 8 + sizeof(int)), Level = SOL_SOCKET, Type = SCM_RIGHTS, Fd = fd };
        var msg = new MsgHdr { Iov = &iov, IovLength = 1, Control = &control, ControlLength = (nuint)sizeof(FdControl) };
        nint n;
        do
        {
            n = sendmsg(socket, &msg, MSG_NOSIGNAL);
        }
        while (n < 0 && Errno.Last == Errno.EINTR);
        Errno.Check((long)n, "sendmsg", "console socket");
    }

    /// <summary>
    /// Receives one fd (close-on-exec), or null when the peer closed without sending one. A message without
    /// exactly one SCM_RIGHTS fd is refused (fails closed; any fd that did arrive is closed).
    /// </summary>
    public static SafeFd? ReceiveFd(int socket)
    {
        byte payload = 0;
        var iov = new IoVec { Base = &payload, Length = 1 };
        var control = new FdControl { Fd = -1 };
        var msg = new MsgHdr { Iov = &iov, IovLength = 1, Control = &control, ControlLength = (nuint)sizeof(FdControl) };
        nint n;
        do
        {
            n = recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
        }
        while (n < 0 && Errno.Last == Errno.EINTR);
        Errno.Check((long)n, "recvmsg", "console socket");
        bool hasFd = msg.ControlLength >= (nuint)(sizeof(nuint) + 8 + sizeof(int)) && control.Level == SOL_SOCKET && control.Type == SCM_RIGHTS;
        if (n == 0 && !hasFd)
        {
            return null;
        }

        if (!hasFd || (msg.Flags & MSG_CTRUNC) != 0)
        {
            if (hasFd)
            {
                FileCalls.close(control.Fd);
            }

            throw new SyscallException("recvmsg", Errno.EINVAL, "console socket (no pty master in the message)");
        }

        return new SafeFd(control.Fd);
    }

    /// <summary>The pty index of a master (TIOCGPTN); fails when <paramref name="master"/> is not a pty master.</summary>
    public static int PtyNumber(int master)
    {
        int n = -1;
        Errno.Check(TerminalCalls.ioctl(master, TIOCGPTN, &n), "ioctl TIOCGPTN", "pty master");
        return n;
    }
}
