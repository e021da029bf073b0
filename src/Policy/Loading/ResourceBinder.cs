using System.Collections.Immutable;
using System.Globalization;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Yaml;
using static Hctr.Policy.Loading.NodeReader;

namespace Hctr.Policy.Loading;

/// <summary>resources, rlimits, sysctls, devices and apparmor rules.</summary>
internal static class ResourceBinder
{
    public static ProfileLayer Bind(ProfileLayer layer, YMapping? spec, DiagnosticBag d)
    {
        var r = Map(spec, "resources");
        return layer with
        {
            Memory = Memory(Scalar(r, "memory"), d),
            Pids = Scalar(r, "pids") is { } p
                ? new Located<long?>(p.Value == "unlimited" ? null : long.Parse(p.Value, CultureInfo.InvariantCulture), p.Location)
                : null,
            Cpu = Map(r, "cpu") is { } c ? new CpuProfile(
                L(Scalar(c, "quota")), (ulong?)L(Scalar(c, "period")), (ulong?)L(Scalar(c, "weight")), c.Location) : null,
            Rlimits = Map(spec, "rlimits") is { } rl ? [.. rl.Entries.Select(e => Rlimit(e.Key, (YMapping)e.Value, d))] : null,
            Sysctls = Map(spec, "sysctls") is { } sc
                ? [.. sc.Entries.Select(e => new SysctlEntry(e.Key.Value, ((YScalar)e.Value).Value, e.Key.Location))]
                : null,
            Devices = Has(spec, "devices") ? [.. Items(spec, "devices").OfType<YMapping>().Select(Device)] : null,
            AppArmorRules = Strings(Map(spec, "apparmor"), "rules"),
        };
    }

    private static long? L(YScalar? s) => s is null ? null : long.Parse(s.Value, CultureInfo.InvariantCulture);

    private static Located<ulong?>? Memory(YScalar? s, DiagnosticBag d)
    {
        if (s is null)
        {
            return null;
        }

        if (s.Value == "unlimited")
        {
            return new Located<ulong?>(null, s.Location);
        }

        if (TryQuantity(s.Value, out var bytes) && bytes >= 4 << 20)
        {
            return new Located<ulong?>(bytes, s.Location);
        }

        d.Error(DiagnosticCodes.BadQuantity, s.Location, $"memory '{s.Value}' is not a size of at least 4Mi", "spec.resources.memory",
            "write 256Mi, 1Gi, or \"unlimited\"");
        return null;
    }

    private static RlimitEntry Rlimit(YScalar name, YMapping m, DiagnosticBag d)
    {
        var soft = Value(Scalar(m, "soft"));
        var hard = Value(Scalar(m, "hard"));
        if (soft > hard)
        {
            d.Error(DiagnosticCodes.BadRlimit, m.Location, $"rlimit {name.Value}: soft limit {soft} is above hard limit {hard}",
                "spec.rlimits." + name.Value, "the soft limit must not exceed the hard limit");
        }

        return new RlimitEntry(name.Value, soft, hard, name.Location);
    }

    private static ulong Value(YScalar? s) =>
        s is null || s.Value == "unlimited" ? ulong.MaxValue : ulong.Parse(s.Value, CultureInfo.InvariantCulture);

    private static DeviceEntry Device(YMapping m)
    {
        uint mode = 438; // 0666
        if (Scalar(m, "fileMode") is { } fm)
        {
            TryOctal(fm.Value, out mode);
        }

        return new DeviceEntry(
            Scalar(m, "path")!.Value,
            Scalar(m, "type")!.Value[0],
            long.Parse(Scalar(m, "major")!.Value, CultureInfo.InvariantCulture),
            long.Parse(Scalar(m, "minor")!.Value, CultureInfo.InvariantCulture),
            Scalar(m, "access")?.Value ?? "rwm",
            mode,
            m.Location);
    }
}
