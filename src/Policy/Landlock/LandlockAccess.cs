namespace Hctr.Policy.Landlock;

/// <summary>
/// Landlock access-right bits and what each ABI version handles (include/uapi/linux/landlock.h,
/// landlock(7)). ABI 1: the 13 filesystem rights; 2: +REFER; 3: +TRUNCATE; 4: +TCP bind/connect;
/// 5: +IOCTL_DEV; 6: scopes (abstract unix sockets, signals); 7: landlock_restrict_self log flags.
/// </summary>
public static class LandlockAccess
{
    public const ulong FsExecute = 1UL << 0;
    public const ulong FsWriteFile = 1UL << 1;
    public const ulong FsReadFile = 1UL << 2;
    public const ulong FsReadDir = 1UL << 3;
    public const ulong FsRemoveDir = 1UL << 4;
    public const ulong FsRemoveFile = 1UL << 5;
    public const ulong FsMakeChar = 1UL << 6;
    public const ulong FsMakeDir = 1UL << 7;
    public const ulong FsMakeReg = 1UL << 8;
    public const ulong FsMakeSock = 1UL << 9;
    public const ulong FsMakeFifo = 1UL << 10;
    public const ulong FsMakeBlock = 1UL << 11;
    public const ulong FsMakeSym = 1UL << 12;
    public const ulong FsRefer = 1UL << 13;
    public const ulong FsTruncate = 1UL << 14;
    public const ulong FsIoctlDev = 1UL << 15;

    public const ulong NetBindTcp = 1UL << 0;
    public const ulong NetConnectTcp = 1UL << 1;

    public const ulong ScopeAbstractUnixSocket = 1UL << 0;
    public const ulong ScopeSignal = 1UL << 1;

    /// <summary>LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON: log denials after execve (the workload), ABI 7.</summary>
    public const uint RestrictSelfLogNewExecOn = 1U << 1;

    /// <summary>The newest ABI this compiler knows; a newer host is treated as this one.</summary>
    public const int NewestKnownAbi = 7;

    /// <summary>The ABI 1 rights: EXECUTE through MAKE_SYM.</summary>
    public const ulong FsAbi1 = (1UL << 13) - 1;

    /// <summary>Rights that apply to a non-directory; a rule on a file may hold only these (else EINVAL).</summary>
    public const ulong FsFileRights = FsExecute | FsWriteFile | FsReadFile | FsTruncate | FsIoctlDev;

    public static int Clamp(int hostAbi) => Math.Clamp(hostAbi, 0, NewestKnownAbi);

    public static ulong HandledFs(int abi)
    {
        abi = Clamp(abi);
        var r = abi >= 1 ? FsAbi1 : 0;
        r |= abi >= 2 ? FsRefer : 0;
        r |= abi >= 3 ? FsTruncate : 0;
        r |= abi >= 5 ? FsIoctlDev : 0;
        return r;
    }

    public static ulong HandledNet(int abi) => Clamp(abi) >= 4 ? NetBindTcp | NetConnectTcp : 0;

    public static ulong Scopes(int abi) => Clamp(abi) >= 6 ? ScopeAbstractUnixSocket | ScopeSignal : 0;

    public static uint RestrictSelfFlags(int abi) => Clamp(abi) >= 7 ? RestrictSelfLogNewExecOn : 0;

    /// <summary>
    /// read → READ_FILE|READ_DIR; write → WRITE_FILE, REMOVE_*, MAKE_*, REFER, TRUNCATE, IOCTL_DEV;
    /// execute → EXECUTE; masked to <paramref name="handled"/>.
    /// </summary>
    public static ulong ForAccess(Model.FileAccess access, ulong handled)
    {
        ulong r = 0;
        if (access.HasFlag(Model.FileAccess.Read))
        {
            r |= FsReadFile | FsReadDir;
        }

        if (access.HasFlag(Model.FileAccess.Write))
        {
            r |= FsWriteFile | FsRemoveDir | FsRemoveFile | FsMakeChar | FsMakeDir | FsMakeReg | FsMakeSock
                | FsMakeFifo | FsMakeBlock | FsMakeSym | FsRefer | FsTruncate | FsIoctlDev;
        }

        if (access.HasFlag(Model.FileAccess.Execute))
        {
            r |= FsExecute;
        }

        return r & handled;
    }
}
