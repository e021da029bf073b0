using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>Pseudo-terminals and termios (termios kept opaque: it is only saved, made raw and restored).</summary>
internal static unsafe partial class TerminalCalls
{
    public const ulong TIOCGWINSZ = 0x5413;
    public const ulong TIOCSWINSZ = 0x5414;
    public const int TermiosSize = 64;

    [LibraryImport(Libc.Name, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int posix_openpt(int flags);

    [LibraryImport(Libc.Name, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int grantpt(int fd);

    [LibraryImport(Libc.Name, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int unlockpt(int fd);

    [LibraryImport(Libc.Name, EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int ptsname_r(int fd, byte* buf, nint len);

    [LibraryImport(Libc.Name, EntryPoint = "isatty")]
    public static partial int isatty(int fd);

    [LibraryImport(Libc.Name, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int ioctl(int fd, ulong request, void* arg);

    [LibraryImport(Libc.Name, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int tcgetattr(int fd, byte* termios);

    [LibraryImport(Libc.Name, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int tcsetattr(int fd, int when, byte* termios);

    [LibraryImport(Libc.Name, EntryPoint = "cfmakeraw")]
    public static partial void cfmakeraw(byte* termios);
}
