using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// Architecture spellings: libseccomp's <c>SCMP_ARCH_*</c> for the filter's list, Go's GOARCH for
/// <c>includes.arches</c>/<c>excludes.arches</c> (moby compares those with <c>runtime.GOARCH</c> only, so on
/// x86_64 an entry for <c>x86</c> alone does not apply). The kernel's spelling of the native arch is
/// accepted as an alias (<c>x86_64</c> for <c>amd64</c>).
/// </summary>
internal static class DockerArchitectures
{
    public static string ScmpName(SeccompArch arch) => arch switch
    {
        SeccompArch.X86_64 => "SCMP_ARCH_X86_64",
        SeccompArch.X86 => "SCMP_ARCH_X86",
        SeccompArch.X32 => "SCMP_ARCH_X32",
        SeccompArch.Aarch64 => "SCMP_ARCH_AARCH64",
        SeccompArch.Arm => "SCMP_ARCH_ARM",
        _ => throw new ArgumentOutOfRangeException(nameof(arch), arch, "unknown architecture"),
    };

    public static bool TryParseScmp(string name, out SeccompArch arch)
    {
        (var ok, arch) = name switch
        {
            "SCMP_ARCH_X86_64" => (true, SeccompArch.X86_64),
            "SCMP_ARCH_X86" => (true, SeccompArch.X86),
            "SCMP_ARCH_X32" => (true, SeccompArch.X32),
            "SCMP_ARCH_AARCH64" => (true, SeccompArch.Aarch64),
            "SCMP_ARCH_ARM" => (true, SeccompArch.Arm),
            _ => (false, default),
        };
        return ok;
    }

    /// <summary>Whether a GOARCH-style name in includes/excludes means the native architecture.</summary>
    public static bool IsNative(string goArch, SeccompArch native) => native switch
    {
        SeccompArch.X86_64 => goArch is "amd64" or "x86_64",
        SeccompArch.Aarch64 => goArch is "arm64" or "aarch64",
        SeccompArch.X86 => goArch is "386" or "x86" or "i386",
        SeccompArch.Arm => goArch is "arm",
        _ => false,
    };
}
