using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Hctr.Trust.IO;

/// <summary>
/// fsync(2) of a directory, so that a rename into it survives a crash. .NET has no managed way to open a directory
/// (<c>File.OpenHandle</c> and <c>FileStream</c> refuse one with <c>UnauthorizedAccessException</c>, checked on
/// .NET 10), so this file holds the one P/Invoke outside <c>src/Sandbox/Interop</c>: <c>open</c>. Trust references
/// no hctr project, and the stand-alone <c>hctr-tuf-client</c> has no Sandbox to borrow it from. Everything else is
/// managed: the descriptor is owned by a <see cref="SafeFileHandle"/> and synced with
/// <see cref="RandomAccess.FlushToDisk"/> (which, like PostgreSQL, ignores EINVAL/EROFS/ENOTSUP from file systems
/// that cannot sync a directory). ArchitectureTests allows exactly this file.
/// </summary>
internal static class DirectoryFsync
{
    private const int OReadOnly = 0;
    private const int OCloseOnExec = 0x80000;

    public static void Sync(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // hctr runs on Linux; elsewhere (tests on a developer's machine) the rename is as durable as it gets.
        }

        byte[] path = Encoding.UTF8.GetBytes(directory + "\0");
        int fd = open(path, OReadOnly | OCloseOnExec | DirectoryFlag);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot open directory {directory} to fsync it: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        RandomAccess.FlushToDisk(handle);
    }

    /// <summary>O_DIRECTORY: 0200000 on x86 and most architectures, 040000 on ARM.</summary>
    private static int DirectoryFlag => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x10000,
        Architecture.Arm64 or Architecture.Arm => 0x4000,
        _ => 0,
    };

    [DllImport("libc", SetLastError = true)]
    private static extern int open(byte[] path, int flags);
}
