using System.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Tests;

/// <summary>
/// The built hctr: <c>HCTR_BINARY</c> when set, else <c>bin/hctr</c> beside Hardened.sln (the NativeAOT publish).
/// Plans go in as files through <c>hctr run --plan</c>.
/// </summary>
internal static class HctrBinary
{
    /// <summary>The directory holding Hardened.sln (initialised first: <see cref="Path"/> depends on it).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Path { get; } = Locate();

    /// <summary>The init stage's binary, <c>hctr-init</c> beside <see cref="Path"/> (what <c>hctr run</c> execs), for
    /// tests that call <see cref="Launcher"/> in-process.</summary>
    public static string InitPath { get; } = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "hctr-init");

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(LaunchPlan plan, string? stdin = null, int timeoutMs = 30000, Action<Process>? started = null, params string[] extraArgs)
    {
        string planFile = System.IO.Path.GetTempFileName();
        File.WriteAllBytes(planFile, PlanJson.Serialize(plan));
        try
        {
            var psi = new ProcessStartInfo(Path)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string a in (string[])["run", "--plan", planFile, .. extraArgs])
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            started?.Invoke(p);
            if (stdin is not null)
            {
                p.StandardInput.Write(stdin);
            }

            p.StandardInput.Close();
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"hctr did not finish in {timeoutMs} ms");
            }

            return new Result(p.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            File.Delete(planFile);
        }
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("HCTR_BINARY") is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }

        string candidate = System.IO.Path.Combine(RepoRoot, "bin", "hctr");
        return File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException(
                $"{candidate} is missing: publish it first with scripts/setup.sh --no-demo (or set HCTR_BINARY)");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hardened.sln")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException("Hardened.sln not found above " + AppContext.BaseDirectory);
    }
}
