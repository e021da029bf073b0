using System.Globalization;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// Resource limits spelled for the host's cgroup layout, in a fixed order.
/// v2: memory.max and memory.swap.max = 0 (a memory limit that swap can bypass is not a limit), pids.max,
/// cpu.max "quota period" ("max" without a quota), cpu.weight. v2 has no devices files (it needs an eBPF
/// program); device access there rests on the device nodes being bind mounts of the allowed nodes only.
/// v1: memory.limit_in_bytes, pids.max, cpu.cfs_quota_us, cpu.cfs_period_us, cpu.shares (from weight),
/// devices.deny "a" then devices.allow for the default devices and the profile's devices.
/// </summary>
internal static class CgroupStage
{
    public static CgroupPlan Build(CompileContext c)
    {
        var id = c.Request.ContainerId;
        if (!PlanBinder.IsValidContainerId(id))
        {
            c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin,
                $"container id '{id}' must be 1-128 characters of [A-Za-z0-9_.-]", "request.containerId");
        }

        // The container's cgroup holds hctr's init stage before the workload: its main and finalizer threads, and
        // with --init the PID 1 reaper beside it. A smaller limit would make the start fail, or fail now and then.
        int initTasks = c.Request.Init ? 3 : 2;
        if (c.Profile.Resources.PidsMax.Value is { } pids && pids < initTasks)
        {
            c.Diagnostics.Error(DiagnosticCodes.PidsTooLow, c.Profile.Resources.PidsMax.Origin,
                $"pids {pids} leaves no room for hctr's init stage, which needs {initTasks} tasks{(c.Request.Init ? " with --init" : "")} before the workload starts: set pids to at least {initTasks}",
                "spec.resources.pids");
        }

        var name = PlanBinder.CgroupPrefix + id;
        return c.Host.Cgroups == CgroupLayout.V2 ? V2(c, name) : V1(c, name);
    }

    private static string S(ulong v) => v.ToString(CultureInfo.InvariantCulture);

    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static CgroupPlan V2(CompileContext c, string name)
    {
        var r = c.Profile.Resources;
        var set = new List<CgroupSetting>();
        var controllers = new SortedSet<string>(StringComparer.Ordinal);
        if (r.MemoryBytes.Value is { } mem)
        {
            controllers.Add("memory");
            set.Add(new("", "memory.max", S(mem), r.MemoryBytes.Origin));
            set.Add(new("", "memory.swap.max", "0", r.MemoryBytes.Origin));
        }

        if (r.PidsMax.Value is { } pids)
        {
            controllers.Add("pids");
            set.Add(new("", "pids.max", S(pids), r.PidsMax.Origin));
        }

        if (r.Cpu is { } cpu)
        {
            if (cpu.QuotaMicros is not null || cpu.PeriodMicros is not null)
            {
                controllers.Add("cpu");
                var quota = cpu.QuotaMicros is { } q && q > 0 ? S(q) : "max";
                set.Add(new("", "cpu.max", quota + " " + S(cpu.PeriodMicros ?? CpuMath.DefaultPeriodMicros), cpu.Origin));
            }

            if (cpu.Weight is { } w)
            {
                controllers.Add("cpu");
                set.Add(new("", "cpu.weight", S(Math.Clamp(w, 1UL, 10_000UL)), cpu.Origin));
            }
        }

        return new CgroupPlan(CgroupLayout.V2, name, [.. controllers], set);
    }

    private static CgroupPlan V1(CompileContext c, string name)
    {
        var r = c.Profile.Resources;
        var set = new List<CgroupSetting>();
        if (r.MemoryBytes.Value is { } mem)
        {
            set.Add(new("memory", "memory.limit_in_bytes", S(mem), r.MemoryBytes.Origin));
        }

        if (r.PidsMax.Value is { } pids)
        {
            set.Add(new("pids", "pids.max", S(pids), r.PidsMax.Origin));
        }

        if (r.Cpu is { } cpu)
        {
            if (cpu.QuotaMicros is not null || cpu.PeriodMicros is not null)
            {
                var quota = cpu.QuotaMicros is { } q && q > 0 ? q : -1;
                set.Add(new("cpu", "cpu.cfs_period_us", S(cpu.PeriodMicros ?? CpuMath.DefaultPeriodMicros), cpu.Origin));
                set.Add(new("cpu", "cpu.cfs_quota_us", S(quota), cpu.Origin));
            }

            if (cpu.Weight is { } w)
            {
                set.Add(new("cpu", "cpu.shares", S(CpuMath.WeightToShares(w)), cpu.Origin));
            }
        }

        set.Add(new("devices", "devices.deny", "a", c.Profile.Origin));
        foreach (var line in DefaultDevices.AllowLines)
        {
            set.Add(new("devices", "devices.allow", line, c.Profile.Origin));
        }

        foreach (var d in c.Profile.Devices)
        {
            if (d.Type is not ('c' or 'b') || d.Access.Length == 0 || d.Access.Any(a => a is not ('r' or 'w' or 'm')) || d.Major < 0 || d.Minor < 0)
            {
                c.Diagnostics.Error(DiagnosticCodes.BadDevice, d.Origin, $"device {d.Path}: type must be c or b, access a subset of rwm", "spec.devices");
                continue;
            }

            set.Add(new("devices", "devices.allow", $"{d.Type} {S(d.Major)}:{S(d.Minor)} {d.Access}", d.Origin));
        }

        var controllers = set.Select(s => s.Controller).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CgroupPlan(CgroupLayout.V1, name, controllers, set);
    }
}
