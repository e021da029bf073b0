using System.Diagnostics;

namespace Hctr.Sandbox.Tests.Front;

/// <summary>
/// One started <c>bin/hctr</c> or <c>bin/hctr-cli</c> process with its stdio redirected. A container script that
/// begins with <see cref="Ready"/> prints "ready" and waits for a line on stdin: once the line is read, the
/// program that launched it is the one <see cref="Exe"/> names (the front has decided by then, and an exec of the
/// full CLI has happened), and the container runs on when <see cref="Finish"/> sends the rest.
/// </summary>
internal sealed class FrontProcess : IDisposable
{
    /// <summary>Put before a script: "ready" on stdout, then one line of stdin is read.</summary>
    public const string Ready = "echo ready; read go; ";

    private readonly Process _process;
    private readonly Task<string> _stderr;

    private FrontProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>bin/hctr, the front binary.</summary>
    public static string Front { get; } = new FileInfo(HctrBinary.Path).FullName;

    /// <summary>bin/hctr-cli, the full CLI beside it.</summary>
    public static string FullCli { get; } = Path.Combine(Path.GetDirectoryName(Front)!, "hctr-cli");

    public int Pid => _process.Id;

    /// <summary>The program the process runs now (/proc/PID/exe).</summary>
    public string Exe => new FileInfo($"/proc/{Pid}/exe").LinkTarget ?? "";

    /// <summary>Starts <paramref name="binary"/> with <paramref name="args"/>; <paramref name="env"/> entries set (null: removed).</summary>
    public static FrontProcess Start(string binary, IEnumerable<string> args, IReadOnlyDictionary<string, string?> env)
    {
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in env)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        return new FrontProcess(Process.Start(psi)!);
    }

    /// <summary>Waits for the container's "ready" line (see <see cref="Ready"/>).</summary>
    public void WaitReady(int timeoutMs = 10000)
    {
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(timeoutMs))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"no 'ready' from the container in {timeoutMs} ms");
        }

        if (line.Result != "ready")
        {
            throw new InvalidOperationException($"expected 'ready', got '{line.Result}'; stderr: {Finish().Stderr}");
        }
    }

    /// <summary>Writes <paramref name="stdin"/>, closes stdin and waits: the exit code and the rest of stdout and stderr.</summary>
    public HctrBinary.Result Finish(string stdin = "", int timeoutMs = 10000)
    {
        var stdout = _process.StandardOutput.ReadToEndAsync();
        try
        {
            _process.StandardInput.Write(stdin);
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The container ended without reading its stdin.
        }

        if (!_process.WaitForExit(timeoutMs))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hctr did not finish in {timeoutMs} ms");
        }

        return new HctrBinary.Result(_process.ExitCode, stdout.Result, _stderr.Result);
    }

    /// <summary>Starts, sends <paramref name="stdin"/> and waits.</summary>
    public static HctrBinary.Result Run(string binary, IEnumerable<string> args, IReadOnlyDictionary<string, string?> env, string stdin = "")
    {
        using var p = Start(binary, args, env);
        return p.Finish(stdin);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
