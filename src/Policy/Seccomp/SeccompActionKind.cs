namespace Hctr.Policy.Seccomp;

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
