namespace Hctr.Policy.Seccomp;

/// <summary>Profile spellings of <see cref="SeccompArch"/>.</summary>
public static class SeccompArchNames
{
    public static string ToName(SeccompArch arch) => arch switch
    {
        SeccompArch.X86_64 => "x86_64",
        SeccompArch.X86 => "x86",
        SeccompArch.X32 => "x32",
        SeccompArch.Aarch64 => "aarch64",
        SeccompArch.Arm => "arm",
        _ => throw new ArgumentOutOfRangeException(nameof(arch), arch, "unknown architecture"),
    };

    /// <summary>Parses <c>x86_64, x86, i386, x32, aarch64, arm</c> (exact, lower case).</summary>
    public static bool TryParse(string text, out SeccompArch arch)
    {
        (var ok, arch) = text switch
        {
            "x86_64" => (true, SeccompArch.X86_64),
            "x86" or "i386" => (true, SeccompArch.X86),
            "x32" => (true, SeccompArch.X32),
            "aarch64" => (true, SeccompArch.Aarch64),
            "arm" => (true, SeccompArch.Arm),
            _ => (false, default),
        };
        return ok;
    }
}
