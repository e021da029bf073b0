namespace Hctr.Policy.Seccomp;

/// <summary>
/// An architecture/ABI a seccomp filter can cover. Profile spellings: <c>x86_64</c>, <c>x86</c>
/// (alias <c>i386</c>), <c>x32</c>, <c>aarch64</c>, <c>arm</c>. X32 shares the x86_64 audit
/// architecture value; its syscall numbers carry the 0x40000000 bit.
/// </summary>
public enum SeccompArch
{
    X86_64,
    X86,
    X32,
    Aarch64,
    Arm,
}
