using System.Diagnostics;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>Runs a built executable from the test output directory: the apphost when present, else <c>dotnet x.dll</c>.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string StdOut, string StdErr) Run(string assemblyName, params string[] args)
    {
        string dir = AppContext.BaseDirectory;
        string apphost = Path.Combine(dir, assemblyName);
        var psi = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(dir, assemblyName + ".dll") } };
        foreach (string arg in args) psi.ArgumentList.Add(arg);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"{assemblyName} did not exit");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
