using Hctr.Policy.Diagnostics;

namespace Hctr.Sandbox.Init;

/// <summary>A syscall failure inside one init step, with the profile line the step came from and, when known, how to fix it.</summary>
internal sealed class InitStepException(string step, SourceLocation origin, SyscallException inner, string hint = "")
    : Exception($"{step}: {inner.Message}", inner)
{
    public LaunchFailure ToFailure()
    {
        var inner = (SyscallException)InnerException!;
        string where = origin.IsNone ? "" : $"{origin.File}:{origin.Line}";
        return new LaunchFailure(step, inner.Operation, inner.Errno, inner.Path ?? "", where, hint);
    }

    public static void Run(string step, SourceLocation origin, Action action)
    {
        try
        {
            action();
        }
        catch (SyscallException e)
        {
            throw new InitStepException(step, origin, e);
        }
    }
}
