using System.Runtime.InteropServices;
using Hctr.Policy.Host;
using Hctr.Policy.Seccomp;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox;

/// <summary>Probes the running host once into <see cref="HostFacts"/> for the profile compiler.</summary>
public static class HostProbe
{
    public static HostFacts Probe() => new()
    {
        Arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? SeccompArch.Aarch64 : SeccompArch.X86_64,
        Kernel = KernelVersion(File.ReadAllText("/proc/sys/kernel/osrelease")),
        LandlockAbi = Math.Max(0, LandlockCalls.AbiVersion()),
        AppArmorEnabled = File.Exists("/sys/module/apparmor/parameters/enabled")
            && File.ReadAllText("/sys/module/apparmor/parameters/enabled").Trim() == "Y",
        Cgroups = Layout("/sys/fs/cgroup"),
        SeccompSpecAllow = SeccompCalls.SpecAllowSupported(),
    };

    /// <summary>"6.18.44-fc-v657" → 6.18.44.</summary>
    internal static Version KernelVersion(string release)
    {
        var parts = new List<int>();
        foreach (string part in release.Trim().Split('.', 3))
        {
            int digits = 0;
            while (digits < part.Length && char.IsAsciiDigit(part[digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                break;
            }

            parts.Add(int.Parse(part.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture));
        }

        return parts.Count switch
        {
            0 => new Version(0, 0),
            1 => new Version(parts[0], 0),
            2 => new Version(parts[0], parts[1]),
            _ => new Version(parts[0], parts[1], parts[2]),
        };
    }

    /// <summary>V2 when the cgroup root is the unified hierarchy with controllers; otherwise V1.</summary>
    public static CgroupLayout Layout(string root)
    {
        string controllers = Path.Combine(root, "cgroup.controllers");
        return File.Exists(controllers) && File.ReadAllText(controllers).Trim().Length > 0 ? CgroupLayout.V2 : CgroupLayout.V1;
    }
}
