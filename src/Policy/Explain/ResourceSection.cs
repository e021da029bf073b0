using System.Globalization;

namespace Hctr.Policy.Explain;

/// <summary>cgroup limits, rlimits and sysctls; a missing limit is flagged.</summary>
internal static class ResourceSection
{
    public static ExplainSection Build(ExplainContext c)
    {
        var r = c.Profile.Resources;
        if (r.MemoryBytes.Value is { } mem)
        {
            c.Item($"memory: {Quantities.Bytes(mem)}", r.MemoryBytes.Origin);
        }
        else
        {
            c.Item("memory: no limit", r.MemoryBytes.Origin);
            c.Risk(RiskLevel.Medium, "no memory limit: the workload can exhaust host memory", r.MemoryBytes.Origin);
        }

        if (r.PidsMax.Value is { } pids)
        {
            c.Item($"pids: at most {pids} processes and threads", r.PidsMax.Origin);
        }
        else
        {
            c.Item("pids: no limit", r.PidsMax.Origin);
            c.Risk(RiskLevel.Medium, "no pids limit: a fork bomb can exhaust the host", r.PidsMax.Origin);
        }

        if (r.Cpu is { } cpu)
        {
            var quota = cpu.QuotaMicros is { } q && cpu.PeriodMicros is { } p && p > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{(double)q / p:0.##} CPU ({q}µs per {p}µs)")
                : "no quota";
            var weight = cpu.Weight is { } w ? $", weight {w}" : "";
            c.Item($"cpu: {quota}{weight}", cpu.Origin);
        }
        else
        {
            c.Item("cpu: no limit", c.Profile.Origin);
            c.Risk(RiskLevel.Low, "no CPU limit: the workload can use every core", c.Profile.Origin);
        }

        foreach (var l in c.Profile.Rlimits)
        {
            c.Item($"rlimit {l.Name}: soft {Limit(l.Soft)}, hard {Limit(l.Hard)}", l.Origin);
        }

        foreach (var s in c.Profile.Sysctls)
        {
            c.Item($"sysctl {s.Key} = {s.Value}", s.Origin);
        }

        return c.Section("Resources");
    }

    private static string Limit(ulong v) => v == ulong.MaxValue ? "unlimited" : v.ToString(CultureInfo.InvariantCulture);
}
