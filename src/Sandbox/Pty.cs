using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>
/// The parent's side of <c>-t</c>: the master of a pty that the init stage allocated inside the container's own
/// devpts instance and sent over the console socket (<see cref="ConsoleSocket"/>). hctr copies stdin to the
/// master and the master to stdout, with the user's terminal (when there is one) in raw mode until disposed,
/// and copies the user's window size to the master at start and on SIGWINCH.
/// </summary>
internal sealed unsafe class Pty : IDisposable
{
    private const byte Veof = 0x04; // ^D: end of input for a terminal in canonical mode

    private readonly SafeFd _master;
    private readonly SafeFd _stopRead;
    private readonly SafeFd _stopWrite;
    private byte[]? _savedTermios;
    private Thread? _input;
    private Thread? _output;

    public Pty(SafeFd master)
    {
        _master = master;
        (_stopRead, _stopWrite) = FileCalls.Pipe();
        CopyWindowSize();
    }

    /// <summary>The user's window size (stdin's terminal, else stdout's) onto the master; nothing without a terminal.</summary>
    public void CopyWindowSize()
    {
        ushort* ws = stackalloc ushort[4];
        foreach (int fd in (ReadOnlySpan<int>)[0, 1])
        {
            if (TerminalCalls.isatty(fd) == 1 && TerminalCalls.ioctl(fd, TerminalCalls.TIOCGWINSZ, ws) == 0)
            {
                TerminalCalls.ioctl(_master.Fd, TerminalCalls.TIOCSWINSZ, ws);
                return;
            }
        }
    }

    /// <summary>Raw mode on the user's terminal (stdin), saved first; <see cref="Dispose"/> restores it.</summary>
    public void EnterRawMode()
    {
        if (TerminalCalls.isatty(0) != 1)
        {
            return;
        }

        byte[] saved = new byte[TerminalCalls.TermiosSize];
        byte* raw = stackalloc byte[TerminalCalls.TermiosSize];
        fixed (byte* s = saved)
        {
            if (TerminalCalls.tcgetattr(0, s) != 0)
            {
                return;
            }

            new Span<byte>(s, saved.Length).CopyTo(new Span<byte>(raw, saved.Length));
        }

        _savedTermios = saved;
        TerminalCalls.cfmakeraw(raw);
        TerminalCalls.tcsetattr(0, 0 /* TCSANOW */, raw);
    }

    public void StartCopying()
    {
        bool stdinIsTerminal = TerminalCalls.isatty(0) == 1;
        _input = new Thread(() => CopyInput(stdinIsTerminal)) { IsBackground = true, Name = "hctr-pty-in" };
        _input.Start();
        _output = new Thread(() => Copy(_master.Fd, 1)) { IsBackground = true, Name = "hctr-pty-out" };
        _output.Start();
    }

    /// <summary>After the container exited: the master reads EIO once every slave fd is closed.</summary>
    public void FinishCopying() => _output?.Join(TimeSpan.FromSeconds(2));

    public void Dispose()
    {
        // Stop the input thread before the master's number can be reused by another open.
        FileCalls.WriteAll(_stopWrite.Fd, [1], "pty stop pipe");
        _input?.Join(TimeSpan.FromSeconds(1));
        if (_savedTermios is { } saved)
        {
            fixed (byte* s = saved)
            {
                TerminalCalls.tcsetattr(0, 0 /* TCSANOW */, s);
            }
        }

        _master.Dispose();
        _stopWrite.Dispose();
        _stopRead.Dispose();
    }

    /// <summary>
    /// stdin to the master until stdin ends or Dispose. When stdin is not a terminal (a pipe or file), its end
    /// becomes one ^D, so a workload reading a line-mode terminal sees end of input too.
    /// </summary>
    private void CopyInput(bool stdinIsTerminal)
    {
        byte* buf = stackalloc byte[4096];
        while (PollCalls.WaitReadableUnlessStopped(0, _stopRead.Fd))
        {
            nint n = FileCalls.read(0, buf, 4096);
            if (n < 0 && Errno.Last == Errno.EINTR)
            {
                continue;
            }

            if (n <= 0)
            {
                if (n == 0 && !stdinIsTerminal)
                {
                    byte eof = Veof;
                    FileCalls.write(_master.Fd, &eof, 1);
                }

                return;
            }

            if (!WriteAll(_master.Fd, buf, n))
            {
                return;
            }
        }
    }

    private static void Copy(int from, int to)
    {
        byte* buf = stackalloc byte[4096];
        while (true)
        {
            nint n = FileCalls.read(from, buf, 4096);
            if (n < 0 && Errno.Last == Errno.EINTR)
            {
                continue;
            }

            if (n <= 0 || !WriteAll(to, buf, n))
            {
                return;
            }
        }
    }

    private static bool WriteAll(int fd, byte* buf, nint n)
    {
        for (nint done = 0; done < n;)
        {
            nint w = FileCalls.write(fd, buf + done, n - done);
            if (w < 0 && Errno.Last == Errno.EINTR)
            {
                continue;
            }

            if (w <= 0)
            {
                return false;
            }

            done += w;
        }

        return true;
    }
}
