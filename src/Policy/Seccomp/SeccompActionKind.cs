namespace Hctr.Policy.Seccomp;

/// <summary>What a seccomp filter tells the kernel to do with a system call.</summary>
public enum SeccompActionKind
{
    KillProcess,
    KillThread,
    Trap,
    Errno,
    Trace,
    Log,
    Allow,
    Notify,
}
