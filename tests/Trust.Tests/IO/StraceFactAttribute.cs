using Xunit;

namespace Hctr.Trust.Tests.IO;

/// <summary>A fact that watches syscalls with strace (scripts/setup.sh installs it); skipped with the reason without it.</summary>
public sealed class StraceFactAttribute : FactAttribute
{
    public StraceFactAttribute()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        if (!OperatingSystem.IsLinux())
            Skip = "strace exists only on Linux";
        else if (!path.Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "strace"))))
            Skip = "no strace on PATH (scripts/setup.sh installs it)";
    }
}
