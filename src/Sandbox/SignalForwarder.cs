using System.Runtime.InteropServices;

namespace Hctr.Sandbox;

/// <summary>
/// Forwards INT, TERM, HUP, QUIT, USR1, USR2 and WINCH to the container's init while it runs, instead of
/// letting them act on hctr. With a pty, WINCH resizes the pty (the kernel then signals the foreground group).
/// </summary>
internal sealed class SignalForwarder : IDisposable
{
    private static readonly int[] Forwarded = [2, 15, 1, 3, 10, 12, 28];
    private readonly List<PosixSignalRegistration> _registrations = [];

    public SignalForwarder(ContainerProcess process, Pty? pty)
    {
        foreach (int sig in Forwarded)
        {
            int signal = sig;
            _registrations.Add(PosixSignalRegistration.Create((PosixSignal)signal, ctx =>
            {
                ctx.Cancel = true;
                if (signal == 28 && pty is not null)
                {
                    pty.CopyWindowSize();
                }
                else
                {
                    process.Signal(signal);
                }
            }));
        }
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }
    }
}
