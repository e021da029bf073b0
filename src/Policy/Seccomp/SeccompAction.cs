using System.Globalization;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// A filter action. <paramref name="Data"/> is the errno for <see cref="SeccompActionKind.Errno"/>
/// and the tracer's value for <see cref="SeccompActionKind.Trace"/>; 0 otherwise.
/// Text syntax: <c>allow | log | kill-process | kill-thread | trap | notify | errno(EPERM) |
/// errno(1) | trace(N)</c>.
/// </summary>
public readonly record struct SeccompAction(SeccompActionKind Kind, ushort Data = 0)
{
    /// <summary>Largest errno the kernel accepts (MAX_ERRNO).</summary>
    public const int MaxErrno = 4095;

    public static SeccompAction Allow => new(SeccompActionKind.Allow);
    public static SeccompAction KillProcess => new(SeccompActionKind.KillProcess);
    public static SeccompAction Errno(ushort errno) => new(SeccompActionKind.Errno, errno);

    /// <summary>The SECCOMP_RET_* value the filter returns.</summary>
    public uint ToRet() => Kind switch
    {
        SeccompActionKind.KillProcess => SeccompRet.KillProcess,
        SeccompActionKind.KillThread => SeccompRet.KillThread,
        SeccompActionKind.Trap => SeccompRet.Trap,
        SeccompActionKind.Errno => SeccompRet.Errno | Data,
        SeccompActionKind.Trace => SeccompRet.Trace | Data,
        SeccompActionKind.Log => SeccompRet.Log,
        SeccompActionKind.Allow => SeccompRet.Allow,
        SeccompActionKind.Notify => SeccompRet.UserNotif,
        _ => SeccompRet.KillProcess, // fail closed on a value outside the enum
    };

    public static bool TryParse(string text, out SeccompAction action, out string? error)
    {
        action = default;
        error = null;
        var t = (text ?? "").Trim();
        switch (t)
        {
            case "allow": action = new(SeccompActionKind.Allow); return true;
            case "log": action = new(SeccompActionKind.Log); return true;
            case "kill-process": action = new(SeccompActionKind.KillProcess); return true;
            case "kill-thread": action = new(SeccompActionKind.KillThread); return true;
            case "trap": action = new(SeccompActionKind.Trap); return true;
            case "notify": action = new(SeccompActionKind.Notify); return true;
        }
        if (TryCall(t, "errno", out var errnoArg))
            return TryParseErrno(errnoArg, out action, out error);
        if (TryCall(t, "trace", out var traceArg))
        {
            if (ushort.TryParse(traceArg, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                action = new(SeccompActionKind.Trace, value);
                return true;
            }
            error = $"trace({traceArg}): the value must be a number from 0 to 65535";
            return false;
        }
        error = $"unknown action '{t}'; expected allow, log, kill-process, kill-thread, trap, notify, errno(NAME|N) or trace(N)";
        return false;
    }

    private static bool TryParseErrno(string arg, out SeccompAction action, out string? error)
    {
        action = default;
        error = null;
        ushort errno;
        if (arg.Length > 0 && char.IsAsciiDigit(arg[0]))
        {
            if (!ushort.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out errno) || errno > MaxErrno)
            {
                error = $"errno({arg}): the number must be from 1 to {MaxErrno}";
                return false;
            }
        }
        else if (!ErrnoNames.TryGetNumber(arg, out errno))
        {
            error = $"errno({arg}): unknown errno name; use a Linux name such as EPERM or a number";
            return false;
        }
        if (errno == 0)
        {
            // errno(0) makes the syscall look successful without running it: refuse, it is
            // almost always a mistake and hides the denial from the program.
            error = "errno(0) would report success without running the syscall; use allow or a real errno";
            return false;
        }
        action = new(SeccompActionKind.Errno, errno);
        return true;
    }

    private static bool TryCall(string text, string name, out string argument)
    {
        argument = "";
        if (!text.StartsWith(name, StringComparison.Ordinal) || !text.EndsWith(')'))
            return false;
        var rest = text.AsSpan(name.Length).TrimStart();
        if (rest.Length < 2 || rest[0] != '(')
            return false;
        argument = rest[1..^1].Trim().ToString();
        return true;
    }

    public override string ToString() => Kind switch
    {
        SeccompActionKind.Allow => "allow",
        SeccompActionKind.Log => "log",
        SeccompActionKind.KillProcess => "kill-process",
        SeccompActionKind.KillThread => "kill-thread",
        SeccompActionKind.Trap => "trap",
        SeccompActionKind.Notify => "notify",
        SeccompActionKind.Errno => ErrnoNames.TryGetName(Data, out var name) ? $"errno({name})" : $"errno({Data})",
        SeccompActionKind.Trace => $"trace({Data})",
        _ => $"unknown({(int)Kind})",
    };
}
