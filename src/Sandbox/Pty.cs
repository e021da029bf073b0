using System.Text;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>
/// A pseudo-terminal for <c>-t</c>: the slave becomes the container's stdio and controlling terminal; hctr copies
/// stdin to the master and the master to stdout, with the host terminal in raw mode while it runs.
/// </summary>
internal sealed unsafe class Pty : IDisposable
{
    private readonly SafeFd _master;
    private SafeFd? _slave;
    private byte[]? _savedTermios;
    private Thread? _output;

    private Pty(SafeFd master, SafeFd slave)
    {
        _master = master;
        _slave = slave;
    }

    public int SlaveFd => _slave?.Fd ?? -1;

    public static Pty Open()
    {
        var master = new SafeFd(Errno.Check(TerminalCalls.posix_openpt(FileCalls.O_RDWR | FileCalls.O_NOCTTY | FileCalls.O_CLOEXEC), "posix_openpt"));
        Errno.Check(TerminalCalls.grantpt(master.Fd), "grantpt");
        Errno.Check(TerminalCalls.unlockpt(master.Fd), "unlockpt");
        byte* name = stackalloc byte[128];
        int rc = TerminalCalls.ptsname_r(master.Fd, name, 128);
        if (rc != 0)
        {
            throw new SyscallException("ptsname_r", rc);
        }

        string path = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(name, 128)).TrimEnd('\0');
        var slave = new SafeFd(Errno.Check(FileCalls.open(path, FileCalls.O_RDWR | FileCalls.O_NOCTTY | FileCalls.O_CLOEXEC, 0), "open", path));
        var pty = new Pty(master, slave);
        pty.CopyWindowSize();
        return pty;
    }

    public void CloseSlave()
    {
        _slave?.Dispose();
        _slave = null;
    }

    public void CopyWindowSize()
    {
        ushort* ws = stackalloc ushort[4];
        if (TerminalCalls.isatty(0) == 1 && TerminalCalls.ioctl(0, TerminalCalls.TIOCGWINSZ, ws) == 0)
        {
            TerminalCalls.ioctl(_master.Fd, TerminalCalls.TIOCSWINSZ, ws);
        }
    }

    public void StartCopying()
    {
        if (TerminalCalls.isatty(0) == 1)
        {
            _savedTermios = new byte[TerminalCalls.TermiosSize];
            byte[] raw = new byte[TerminalCalls.TermiosSize];
            fixed (byte* saved = _savedTermios)
            fixed (byte* r = raw)
            {
                if (TerminalCalls.tcgetattr(0, saved) == 0)
                {
                    new Span<byte>(saved, raw.Length).CopyTo(raw);
                    TerminalCalls.cfmakeraw(r);
                    TerminalCalls.tcsetattr(0, 0, r);
                }
                else
                {
                    _savedTermios = null;
                }
            }
        }

        // stdin → master may block in read(0) forever: a background thread that dies with hctr.
        new Thread(() => Copy(0, _master.Fd)) { IsBackground = true, Name = "hctr-pty-in" }.Start();
        _output = new Thread(() => Copy(_master.Fd, 1)) { IsBackground = true, Name = "hctr-pty-out" };
        _output.Start();
    }

    /// <summary>After the container exited: the master reads EIO once every slave fd is closed.</summary>
    public void FinishCopying() => _output?.Join(TimeSpan.FromSeconds(2));

    public void Dispose()
    {
        if (_savedTermios is { } saved)
        {
            fixed (byte* s = saved)
            {
                TerminalCalls.tcsetattr(0, 0, s);
            }
        }

        _slave?.Dispose();
        _master.Dispose();
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

            if (n <= 0)
            {
                return;
            }

            for (nint done = 0; done < n;)
            {
                nint w = FileCalls.write(to, buf + done, n - done);
                if (w <= 0)
                {
                    return;
                }

                done += w;
            }
        }
    }
}
