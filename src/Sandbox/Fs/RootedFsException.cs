namespace Hctr.Sandbox.Fs;

/// <summary>A file-system call under a <see cref="RootedFs"/> failed: which call, the errno, and the path inside the root.</summary>
public sealed class RootedFsException(string operation, int errno, string path, string? detail = null)
    : IOException($"{operation} '{path}': {detail ?? Describe(errno)}")
{
    public string Operation { get; } = operation;

    public int Errno { get; } = errno;

    public string PathInRoot { get; } = path;

    private static string Describe(int errno) => errno switch
    {
        2 => "no such file or directory inside the root",
        13 => "permission denied",
        17 => "already exists",
        18 => "crosses a mount (cross-device)",
        20 => "a parent is not a directory",
        21 => "is a directory",
        36 => "name too long",
        38 => "openat2 is not available (kernel 5.6 or later is needed); refusing to unpack without it",
        40 => "too many levels of symbolic links",
        _ => $"errno {errno}",
    };
}
