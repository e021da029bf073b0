namespace Hctr.Policy.Compile;

/// <summary>CLONE_NEW* flags (linux/sched.h).</summary>
internal static class CloneFlags
{
    public const ulong NewNs = 0x00020000;
    public const ulong NewCgroup = 0x02000000;
    public const ulong NewUts = 0x04000000;
    public const ulong NewIpc = 0x08000000;
    public const ulong NewUser = 0x10000000;
    public const ulong NewPid = 0x20000000;
    public const ulong NewNet = 0x40000000;
}
