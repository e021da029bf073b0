using System.Runtime.InteropServices;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>Replacing the running program: how the front binary <c>hctr</c> hands a command line to the full CLI.</summary>
public static class ProcessImage
{
    /// <summary>
    /// execv(2): this process becomes <paramref name="path"/> with <paramref name="argv"/> and the same environment,
    /// pid, stdio and signal mask (every fd .NET opened is close-on-exec). Returns only when the exec failed.
    /// </summary>
    public static unsafe SyscallException Replace(string path, IReadOnlyList<string> argv)
    {
        var strings = new List<IntPtr>(argv.Count + 1);
        try
        {
            var pathPtr = Marshal.StringToCoTaskMemUTF8(path);
            strings.Add(pathPtr);
            var vector = stackalloc byte*[argv.Count + 1];
            for (int i = 0; i < argv.Count; i++)
            {
                var p = Marshal.StringToCoTaskMemUTF8(argv[i]);
                strings.Add(p);
                vector[i] = (byte*)p;
            }

            vector[argv.Count] = null;
            ProcessCalls.execv((byte*)pathPtr, vector);
            return new SyscallException("execv", Errno.Last, path);
        }
        finally
        {
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }
}
