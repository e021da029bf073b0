using System.Diagnostics;

namespace Hctr.Sandbox.Tests.Native;

/// <summary>The native clone helper under valgrind (memcheck), through native/valgrind-spawn.sh.</summary>
[Trait("Category", "Kernel")]
public sealed class NativeSpawnValgrindTests
{
    [Fact]
    public void Clone_helper_is_clean_under_valgrind()
    {
        if (!File.Exists("/usr/bin/valgrind"))
        {
            return; // valgrind is not installed on this host
        }

        string script = Path.Combine(SourceDir(), "Native", "valgrind-spawn.sh");
        using var p = Process.Start(new ProcessStartInfo("/bin/sh", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(120_000));
        Assert.True(p.ExitCode == 0, stdout + stderr);
        Assert.Contains("hctr_spawn: ok", stdout);
    }

    private static string SourceDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sandbox.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("tests/Sandbox.Tests not found above " + AppContext.BaseDirectory);
    }
}
