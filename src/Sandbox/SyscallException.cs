namespace Hctr.Sandbox;

/// <summary>A failed system call: the operation (syscall name), errno and the path or object it acted on.</summary>
public sealed class SyscallException : Exception
{
    public SyscallException(string operation, int errno, string? path = null)
        : base(Format(operation, errno, path))
    {
        Operation = operation;
        Errno = errno;
        Path = path;
    }

    public string Operation { get; }

    public int Errno { get; }

    public string? Path { get; }

    public string ErrnoName => Interop.Errno.Name(Errno);

    private static string Format(string operation, int errno, string? path) =>
        string.IsNullOrEmpty(path)
            ? $"{operation}: {Interop.Errno.Name(errno)}"
            : $"{operation} {path}: {Interop.Errno.Name(errno)}";
}
