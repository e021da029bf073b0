using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>Numbers for the few calls glibc has no wrapper for. The unified numbers (≥ 424) match on every 64-bit arch.</summary>
internal static class SyscallNumbers
{
    private static readonly bool Arm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    public static long PivotRoot => Arm64 ? 41 : 155;

    public static long Seccomp => Arm64 ? 277 : 317;

    public static long Capget => Arm64 ? 90 : 125;

    public static long Capset => Arm64 ? 91 : 126;

    public const long PidfdSendSignal = 424;
    public const long CloseRange = 436;
    public const long Openat2 = 437;
    public const long LandlockCreateRuleset = 444;
    public const long LandlockAddRule = 445;
    public const long LandlockRestrictSelf = 446;
}
