using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>Library names and the generic syscall(2) entry for calls glibc does not wrap.</summary>
internal static partial class Libc
{
    public const string Name = "libc";

    public const string Spawn = "hctrspawn";

    [LibraryImport(Name, EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, long a1, long a2, long a3, long a4, long a5);
}
