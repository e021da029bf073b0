using System.Runtime.InteropServices;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// A fact that loads real seccomp filters: needs Linux with seccomp filters, an x86_64 or
/// arm64 host and a C compiler (<c>cc</c>) for the test helper; otherwise skipped with the reason.
/// </summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "seccomp filters exist only on Linux";
        else if (RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
            Skip = $"no native seccomp arch mapping for {RuntimeInformation.ProcessArchitecture}";
        else if (!File.ReadAllText("/proc/self/status").Contains("Seccomp_filters:", StringComparison.Ordinal)
                 && !File.ReadAllText("/proc/self/status").Contains("Seccomp:", StringComparison.Ordinal))
            Skip = "the kernel does not report seccomp support in /proc/self/status";
        else if (HostTools.Find("cc") is null)
            Skip = "no C compiler ('cc') on PATH to build the seccomp-run test helper";
    }
}
