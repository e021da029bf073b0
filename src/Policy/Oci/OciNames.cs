using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Oci;

/// <summary>OCI/libseccomp spellings.</summary>
internal static class OciNames
{
    public static string Arch(SeccompArch a) => a switch
    {
        SeccompArch.X86_64 => "SCMP_ARCH_X86_64",
        SeccompArch.X86 => "SCMP_ARCH_X86",
        SeccompArch.X32 => "SCMP_ARCH_X32",
        SeccompArch.Aarch64 => "SCMP_ARCH_AARCH64",
        _ => "SCMP_ARCH_ARM",
    };

    public static string Action(SeccompActionKind k) => k switch
    {
        SeccompActionKind.Allow => "SCMP_ACT_ALLOW",
        SeccompActionKind.Errno => "SCMP_ACT_ERRNO",
        SeccompActionKind.KillProcess => "SCMP_ACT_KILL_PROCESS",
        SeccompActionKind.KillThread => "SCMP_ACT_KILL_THREAD",
        SeccompActionKind.Trap => "SCMP_ACT_TRAP",
        SeccompActionKind.Log => "SCMP_ACT_LOG",
        SeccompActionKind.Trace => "SCMP_ACT_TRACE",
        _ => "SCMP_ACT_NOTIFY",
    };

    /// <summary>errnoRet applies to SCMP_ACT_ERRNO and SCMP_ACT_TRACE.</summary>
    public static bool HasErrnoRet(SeccompActionKind k) => k is SeccompActionKind.Errno or SeccompActionKind.Trace;

    public static string Op(ArgOp op) => op switch
    {
        ArgOp.Eq => "SCMP_CMP_EQ",
        ArgOp.Ne => "SCMP_CMP_NE",
        ArgOp.Lt => "SCMP_CMP_LT",
        ArgOp.Le => "SCMP_CMP_LE",
        ArgOp.Gt => "SCMP_CMP_GT",
        ArgOp.Ge => "SCMP_CMP_GE",
        _ => "SCMP_CMP_MASKED_EQ",
    };

    /// <summary>Denials: the call does not happen. Trace (ENOSYS without a tracer) and notify are not counted.</summary>
    public static bool IsDeny(SeccompActionKind k) =>
        k is SeccompActionKind.Errno or SeccompActionKind.KillProcess or SeccompActionKind.KillThread or SeccompActionKind.Trap;

    public static string Describe(SeccompAction a) => a.Kind switch
    {
        SeccompActionKind.Errno => $"errno({a.Data})",
        SeccompActionKind.Trace => $"trace({a.Data})",
        _ => Action(a.Kind)["SCMP_ACT_".Length..].ToLowerInvariant().Replace('_', '-'),
    };
}
