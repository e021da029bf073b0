using System.Diagnostics;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>Runs a built executable from the test output directory: the apphost when present, else <c>dotnet x.dll</c>
/// (for hctr-tuf-client, <c>$HCTR_TUF_CLIENT</c> when set).</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string StdOut, string StdErr) Run(string assemblyName, params string[] args)
    {
        string dir = AppContext.BaseDirectory;
        string apphost = Path.Combine(dir, assemblyName);
        // HCTR_TUF_CLIENT=/abs/bin/hctr-tuf-client runs the client tests against a published (e.g. NativeAOT) binary.
        if (assemblyName == "hctr-tuf-client" && Environment.GetEnvironmentVariable("HCTR_TUF_CLIENT") is { Length: > 0 } published)
            apphost = published;
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
