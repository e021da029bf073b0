using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>Replacing the running program: the front binary <c>hctr</c> handing a command line to the full CLI, and
/// the init stage executing the workload.</summary>
public static class ProcessImage
{
    /// <summary>
    /// execv(2): this process becomes <paramref name="path"/> with <paramref name="argv"/> and the same environment,
    /// pid, stdio and signal mask (every fd .NET opened is close-on-exec). Returns only when the exec failed.
    /// </summary>
    public static SyscallException Replace(string path, IReadOnlyList<string> argv) => Exec(path, argv, env: null);

    /// <summary>execve(2) with <paramref name="env"/>, or execv(2) (this process's own environment) when it is null.
    /// Returns only when the exec failed: the error, naming the call and the path.</summary>
    internal static unsafe SyscallException Exec(string path, IReadOnlyList<string> argv, IReadOnlyList<string>? env)
    {
        using var strings = new NativeStrings();
        byte* file = strings.Str(path);
        byte** args = strings.Vec(argv);
        if (env is null)
        {
            ProcessCalls.execv(file, args);
            return new SyscallException("execv", Errno.Last, path);
        }

        ProcessCalls.execve(file, args, strings.Vec(env));
        return new SyscallException("execve", Errno.Last, path);
    }
}
