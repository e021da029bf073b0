namespace Hctr.Policy.Seccomp;

/// <summary>Architectures a filter can cover. YAML names: x86_64, x86 (alias i386), x32, aarch64, arm.</summary>
public enum SeccompArch
{
    X86_64,
    X86,
    X32,
    Aarch64,
    Arm,
}
