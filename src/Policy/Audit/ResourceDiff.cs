using Hctr.Policy.Model;

namespace Hctr.Policy.Audit;

/// <summary>Limits, rlimits, sysctls, devices and AppArmor rules: raised or removed limits and added grants are widenings.</summary>
internal static class ResourceDiff
{
    public static IEnumerable<DiffEntry> Compare(SecurityProfile old, SecurityProfile @new)
    {
        var (o, n) = (old.Resources, @new.Resources);
        if (o.MemoryBytes.Value != n.MemoryBytes.Value)
        {
            yield return new(Raised(o.MemoryBytes.Value, n.MemoryBytes.Value), "resources", $"memory {Show(o.MemoryBytes.Value)} -> {Show(n.MemoryBytes.Value)}", n.MemoryBytes.Origin);
        }

        if (o.PidsMax.Value != n.PidsMax.Value)
        {
            yield return new(Raised(o.PidsMax.Value, n.PidsMax.Value), "resources", $"pids {Show(o.PidsMax.Value)} -> {Show(n.PidsMax.Value)}", n.PidsMax.Origin);
        }

        if ((o.Cpu?.QuotaMicros, o.Cpu?.PeriodMicros, o.Cpu?.Weight) != (n.Cpu?.QuotaMicros, n.Cpu?.PeriodMicros, n.Cpu?.Weight))
        {
            yield return new(ChangeKind.Change, "resources", "cpu settings changed", n.Cpu?.Origin ?? @new.Origin);
        }

        foreach (var r in @new.Rlimits)
        {
            var or = old.Rlimits.FirstOrDefault(x => x.Name == r.Name);
            if (or is null || or.Hard != r.Hard || or.Soft != r.Soft)
            {
                var kind = or is null ? ChangeKind.Change : r.Hard > or.Hard ? ChangeKind.Widen : r.Hard < or.Hard ? ChangeKind.Narrow : ChangeKind.Change;
                yield return new(kind, "rlimits", $"{r.Name} {(or is null ? "set" : $"{or.Soft}/{or.Hard}")} -> {r.Soft}/{r.Hard}", r.Origin);
            }
        }

        foreach (var r in old.Rlimits.Where(r => !@new.Rlimits.Any(x => x.Name == r.Name)))
        {
            yield return new(ChangeKind.Widen, "rlimits", $"{r.Name} limit removed", @new.Origin);
        }

        foreach (var s in @new.Sysctls.Where(s => !old.Sysctls.Any(x => x.Key == s.Key && x.Value == s.Value)))
        {
            yield return new(ChangeKind.Widen, "sysctls", $"sets {s.Key}={s.Value}", s.Origin);
        }

        foreach (var s in old.Sysctls.Where(s => !@new.Sysctls.Any(x => x.Key == s.Key)))
        {
            yield return new(ChangeKind.Change, "sysctls", $"no longer sets {s.Key}", @new.Origin);
        }

        foreach (var d in @new.Devices.Where(x => !old.Devices.Any(y => y.Path == x.Path && y.Major == x.Major && y.Minor == x.Minor && x.Access.All(y.Access.Contains))))
        {
            yield return new(ChangeKind.Widen, "devices", $"device {d.Path} ({d.Type} {d.Major}:{d.Minor} {d.Access}) allowed", d.Origin);
        }

        foreach (var d in old.Devices.Where(x => !@new.Devices.Any(y => y.Path == x.Path && y.Major == x.Major && y.Minor == x.Minor && x.Access.All(y.Access.Contains))))
        {
            yield return new(ChangeKind.Narrow, "devices", $"device {d.Path} ({d.Access}) no longer allowed", @new.Origin);
        }

        foreach (var r in @new.AppArmorRules.Where(r => !old.AppArmorRules.Any(x => x.Value == r.Value)))
        {
            var deny = r.Value.TrimStart().StartsWith("deny", StringComparison.Ordinal);
            yield return new(deny ? ChangeKind.Narrow : ChangeKind.Widen, "apparmor", $"adds '{r.Value}'", r.Origin);
        }

        foreach (var r in old.AppArmorRules.Where(r => !@new.AppArmorRules.Any(x => x.Value == r.Value)))
        {
            var deny = r.Value.TrimStart().StartsWith("deny", StringComparison.Ordinal);
            yield return new(deny ? ChangeKind.Widen : ChangeKind.Narrow, "apparmor", $"removes '{r.Value}'", @new.Origin);
        }
    }

    /// <summary>null is "no limit": removing a limit or raising it widens.</summary>
    private static ChangeKind Raised<T>(T? o, T? n) where T : struct, IComparable<T> =>
        n is null ? ChangeKind.Widen : o is null ? ChangeKind.Narrow : n.Value.CompareTo(o.Value) > 0 ? ChangeKind.Widen : ChangeKind.Narrow;

    private static string Show<T>(T? v) where T : struct => v?.ToString() ?? "unlimited";
}
