using System.Globalization;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>
/// <c>-t</c> the way runc's console socket does it: the pty is allocated by the init stage inside the container's
/// own devpts instance (so <c>tty</c> inside names <c>/dev/pts/N</c> of that instance), and only its master comes
/// back to hctr, over a unix socketpair with SCM_RIGHTS. The protocol, one round trip before the workload runs:
/// init sends the master with one byte; hctr sets the window size and raw mode and answers one byte; init execs.
/// The answer makes the initial window size visible to the workload's first <c>stty size</c>.
/// </summary>
internal sealed class ConsoleSocket : IDisposable
{
    private readonly SafeFd _parent;
    private SafeFd? _child;

    private ConsoleSocket(SafeFd parent, SafeFd child, SafeFd devNull)
    {
        _parent = parent;
        _child = child;
        InitStdio = devNull;
    }

    /// <summary>
    /// The init stage's stdio until it installs the pty slave: /dev/null, so the user's terminal never enters
    /// the container's namespaces.
    /// </summary>
    public SafeFd InitStdio { get; }

    /// <summary>The end for the init stage: inherited through the native helper's keep list, close-on-exec again in init.</summary>
    public int ChildFd => _child?.Fd ?? -1;

    public string[] InitArguments => ["--console-fd", ChildFd.ToString(CultureInfo.InvariantCulture)];

    public static ConsoleSocket Create()
    {
        var (parent, child) = ConsoleCalls.SocketPair();
        var devNull = new SafeFd(Errno.Check(FileCalls.open("/dev/null", FileCalls.O_RDWR | FileCalls.O_CLOEXEC, 0), "open", "/dev/null"));
        return new ConsoleSocket(parent, child, devNull);
    }

    /// <summary>After the clone: only the child holds its end, so a dead init stage reads as end of stream here.</summary>
    public void CloseChildEnd()
    {
        _child?.Dispose();
        _child = null;
        InitStdio.Dispose();
    }

    /// <summary>
    /// Waits for the pty master from the init stage, copies the window size, puts the user's terminal in raw mode
    /// and lets init go on. Null when init ended before sending one (its error record says why).
    /// </summary>
    public Pty? Accept()
    {
        CloseChildEnd();
        var master = ConsoleCalls.ReceiveFd(_parent.Fd);
        if (master is null)
        {
            return null;
        }

        Pty pty;
        try
        {
            ConsoleCalls.PtyNumber(master.Fd); // fails closed when what arrived is not a pty master
            pty = new Pty(master);
        }
        catch
        {
            master.Dispose();
            throw;
        }

        try
        {
            pty.EnterRawMode();
            FileCalls.WriteAll(_parent.Fd, [1], "console socket");
        }
        catch (SyscallException)
        {
            // Init is gone (EPIPE): the error pipe and the exit status tell the user why. The pty still restores the terminal.
        }

        return pty;
    }

    public void Dispose()
    {
        CloseChildEnd();
        _parent.Dispose();
    }
}
