using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// libseccomp action and operator names → hctr. As in runc, SCMP_ACT_ERRNO and SCMP_ACT_TRACE without
/// <c>errnoRet</c> mean EPERM, and SCMP_ACT_KILL is libseccomp's kill-thread.
/// </summary>
internal static class DockerActions
{
    private const ushort EPERM = 1;

    public static bool TryMap(string action, uint? errnoRet, out SeccompAction result, out string? error)
    {
        error = null;
        result = default;
        switch (action)
        {
            case "SCMP_ACT_ALLOW": result = SeccompAction.Allow; return true;
            case "SCMP_ACT_LOG": result = new(SeccompActionKind.Log); return true;
            case "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD": result = new(SeccompActionKind.KillThread); return true;
            case "SCMP_ACT_KILL_PROCESS": result = SeccompAction.KillProcess; return true;
            case "SCMP_ACT_TRAP": result = new(SeccompActionKind.Trap); return true;
            case "SCMP_ACT_NOTIFY": result = new(SeccompActionKind.Notify); return true;
            case "SCMP_ACT_TRACE":
                if (errnoRet is > ushort.MaxValue)
                {
                    error = $"SCMP_ACT_TRACE with value {errnoRet} does not fit in 16 bits";
                    return false;
                }

                result = new(SeccompActionKind.Trace, (ushort)(errnoRet ?? EPERM));
                return true;
            case "SCMP_ACT_ERRNO":
                var errno = errnoRet ?? EPERM;
                if (errno == 0)
                {
                    error = "SCMP_ACT_ERRNO with errnoRet 0 makes a syscall look successful without running it; hctr has no such action";
                    return false;
                }

                if (errno > SeccompAction.MaxErrno)
                {
                    error = $"errnoRet {errno} is above the kernel's largest errno {SeccompAction.MaxErrno}";
                    return false;
                }

                result = SeccompAction.Errno((ushort)errno);
                return true;
            default:
                error = $"action '{action}' has no hctr equivalent";
                return false;
        }
    }

    public static bool TryMapOp(DockerArg a, out ArgCondition condition)
    {
        ArgOp? op = a.Op switch
        {
            "SCMP_CMP_EQ" => ArgOp.Eq,
            "SCMP_CMP_NE" => ArgOp.Ne,
            "SCMP_CMP_LT" => ArgOp.Lt,
            "SCMP_CMP_LE" => ArgOp.Le,
            "SCMP_CMP_GT" => ArgOp.Gt,
            "SCMP_CMP_GE" => ArgOp.Ge,
            "SCMP_CMP_MASKED_EQ" => ArgOp.MaskedEq,
            _ => null,
        };
        condition = op switch
        {
            null => new ArgCondition(a.Index, ArgOp.Eq, 0),

            // libseccomp's masked-eq: (arg & datum_a) == datum_b, and runc passes value as datum_a, valueTwo as datum_b.
            ArgOp.MaskedEq => new ArgCondition(a.Index, ArgOp.MaskedEq, a.ValueTwo, a.Value),
            _ => new ArgCondition(a.Index, op.Value, a.Value),
        };
        return op is not null;
    }

    /// <summary>
    /// The kernel's precedence when several filters disagree, most restrictive first; used to order
    /// overlapping conditional rules so hctr's first match picks what the strictest reading would.
    /// </summary>
    public static int Precedence(SeccompAction a) => a.Kind switch
    {
        SeccompActionKind.KillProcess => 0,
        SeccompActionKind.KillThread => 1,
        SeccompActionKind.Trap => 2,
        SeccompActionKind.Errno => 3,
        SeccompActionKind.Notify => 4,
        SeccompActionKind.Trace => 5,
        SeccompActionKind.Log => 6,
        _ => 7,
    };
}
