using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>Bringing an interface up with SIOCGIFFLAGS/SIOCSIFFLAGS.</summary>
internal static unsafe partial class NetCalls
{
    private const int AF_INET = 2;
    private const int SOCK_DGRAM = 2;
    private const int SOCK_CLOEXEC = 0x80000;
    private const ulong SIOCGIFFLAGS = 0x8913;
    private const ulong SIOCSIFFLAGS = 0x8914;
    private const short IFF_UP = 1;

    [LibraryImport(Libc.Name, EntryPoint = "socket", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    public static void InterfaceUp(string name)
    {
        using var sock = new SafeFd(Errno.Check(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), "socket", name));
        byte* ifreq = stackalloc byte[40];
        new Span<byte>(ifreq, 40).Clear();
        System.Text.Encoding.ASCII.GetBytes(name, new Span<byte>(ifreq, 15));
        Errno.Check(TerminalCalls.ioctl(sock.Fd, SIOCGIFFLAGS, ifreq), "ioctl SIOCGIFFLAGS", name);
        *(short*)(ifreq + 16) |= IFF_UP;
        Errno.Check(TerminalCalls.ioctl(sock.Fd, SIOCSIFFLAGS, ifreq), "ioctl SIOCSIFFLAGS", name);
    }
}
