namespace Hctr.Policy.Seccomp;

/// <summary>What a filter returns. <see cref="Data"/> is the errno for Errno, the value for Trace.</summary>
public readonly record struct SeccompAction(SeccompActionKind Kind, ushort Data = 0)
{
    public static SeccompAction Allow => new(SeccompActionKind.Allow);

    public uint ToRet() => Kind switch
    {
        SeccompActionKind.KillProcess => 0x80000000u,
        SeccompActionKind.KillThread => 0u,
        SeccompActionKind.Trap => 0x00030000u,
        SeccompActionKind.Errno => 0x00050000u | Data,
        SeccompActionKind.Notify => 0x7fc00000u,
        SeccompActionKind.Trace => 0x7ff00000u | Data,
        SeccompActionKind.Log => 0x7ffc0000u,
        SeccompActionKind.Allow => 0x7fff0000u,
        _ => 0x80000000u,
    };
}
