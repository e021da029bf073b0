using System.Diagnostics;

namespace Hctr.Engine.Tests.Images;

/// <summary>The built hctr for end-to-end tests: <c>HCTR_BINARY</c>, else <c>bin/hctr</c> beside Hardened.sln
/// (scripts/setup.sh publishes it), accepted only if it has <c>run --storage-driver</c> (images in <c>run</c>).</summary>
internal static class HctrCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Initialised first: <see cref="Path"/> depends on it.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Path { get; } = Locate();

    public static Result Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, int timeoutMs = 120_000,
        Action<Process>? started = null)
    {
        var psi = new ProcessStartInfo(Path ?? throw new InvalidOperationException("no hctr binary"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepoRoot,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        started?.Invoke(p);
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"hctr {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? Locate()
    {
        string? candidate = Environment.GetEnvironmentVariable("HCTR_BINARY") is { Length: > 0 } b ? b : System.IO.Path.Combine(RepoRoot, "bin/hctr");
        if (!File.Exists(candidate)) return null;
        using var p = Process.Start(new ProcessStartInfo(candidate, ["run", "--help"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string help = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return help.Contains("--storage-driver", StringComparison.Ordinal) ? candidate : null;
    }

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "Hardened.sln"))) return d.FullName;
        }
        throw new InvalidOperationException("Hardened.sln not found above the test binaries");
    }
}
