namespace Hctr.Policy.Compile;

/// <summary>CPU conversions shared by the cgroup stage and the OCI emitter.</summary>
internal static class CpuMath
{
    /// <summary>The kernel's default CFS period, used when a quota is given without one.</summary>
    public const ulong DefaultPeriodMicros = 100_000;

    /// <summary>v2 weight (1..10000) to v1 shares (2..262144), the conversion runc and crun use.</summary>
    public static ulong WeightToShares(ulong weight)
    {
        weight = Math.Clamp(weight, 1, 10_000);
        return 2 + ((weight - 1) * 262_142 / 9_999);
    }

    /// <summary>runc's shares → weight, to check whether a weight survives the round trip through OCI.</summary>
    public static ulong SharesToWeight(ulong shares) => shares == 0 ? 0 : 1 + ((shares - 2) * 9_999 / 262_142);
}
