using System.Text.Json;
using Hctr.Policy.Compile;
using Hctr.Policy.Model;

namespace Hctr.Policy.Oci;

/// <summary>
/// linux.devices and linux.resources. Memory swap is set equal to the limit (OCI's swap is memory+swap), which
/// matches the plan's memory.swap.max = 0. The device rules deny all, then allow the profile's devices; runc
/// and crun add their own default device rules (null, zero, full, random, urandom, tty, ptmx, pts).
/// </summary>
internal static class OciResources
{
    public static void WriteDevices(Utf8JsonWriter w, SecurityProfile profile)
    {
        w.WriteStartArray("devices");
        foreach (var d in profile.Devices)
        {
            w.WriteStartObject();
            w.WriteString("path", d.Path);
            w.WriteString("type", d.Type.ToString());
            w.WriteNumber("major", d.Major);
            w.WriteNumber("minor", d.Minor);
            w.WriteNumber("fileMode", d.FileMode);
            w.WriteNumber("uid", 0);
            w.WriteNumber("gid", 0);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter w, SecurityProfile profile)
    {
        var r = profile.Resources;
        w.WriteStartObject("resources");
        w.WriteStartArray("devices");
        w.WriteStartObject();
        w.WriteBoolean("allow", false);
        w.WriteString("access", "rwm");
        w.WriteEndObject();
        foreach (var d in profile.Devices)
        {
            w.WriteStartObject();
            w.WriteBoolean("allow", true);
            w.WriteString("type", d.Type.ToString());
            w.WriteNumber("major", d.Major);
            w.WriteNumber("minor", d.Minor);
            w.WriteString("access", d.Access);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (r.MemoryBytes.Value is { } mem)
        {
            w.WriteStartObject("memory");
            w.WriteNumber("limit", (long)Math.Min(mem, long.MaxValue));
            w.WriteNumber("swap", (long)Math.Min(mem, long.MaxValue));
            w.WriteEndObject();
        }

        if (r.PidsMax.Value is { } pids)
        {
            w.WriteStartObject("pids");
            w.WriteNumber("limit", pids);
            w.WriteEndObject();
        }

        if (r.Cpu is { } cpu && (cpu.QuotaMicros is not null || cpu.PeriodMicros is not null || cpu.Weight is not null))
        {
            w.WriteStartObject("cpu");
            if (cpu.Weight is { } weight)
            {
                w.WriteNumber("shares", CpuMath.WeightToShares(weight));
            }

            if (cpu.QuotaMicros is not null || cpu.PeriodMicros is not null)
            {
                w.WriteNumber("quota", cpu.QuotaMicros is { } q && q > 0 ? q : -1);
                w.WriteNumber("period", cpu.PeriodMicros ?? CpuMath.DefaultPeriodMicros);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
