using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using FileAccess = Hctr.Policy.Model.FileAccess;

namespace Hctr.Policy.Explain;

/// <summary>Root filesystem, writable and executable places, masks, volumes and the Landlock/AppArmor access rules.</summary>
internal static class FilesystemSection
{
    public static ExplainSection Build(ExplainContext c)
    {
        var f = c.Profile.Filesystem;
        c.Item(f.ReadOnlyRootfs.Value ? "root filesystem: read-only" : "root filesystem: writable", f.ReadOnlyRootfs.Origin);
        if (!f.ReadOnlyRootfs.Value)
        {
            c.Risk(RiskLevel.Medium, "the root filesystem is writable: the workload can change its own binaries", f.ReadOnlyRootfs.Origin);
        }

        foreach (var t in f.Tmpfs)
        {
            var size = t.SizeBytes is { } b ? Quantities.Bytes(b) : "no size limit";
            var opts = t.Options.IsEmpty ? "" : ", " + string.Join(", ", t.Options);
            c.Item($"tmpfs at {t.Path} ({size}, mode {Convert.ToString(t.Mode, 8).PadLeft(4, '0')}{opts})", t.Origin);
        }

        foreach (var v in f.Volumes)
        {
            c.Item($"volumes may be bound at {v.Target} ({string.Join(", ", v.Modes.Select(m => m == VolumeMode.ReadOnly ? "read-only" : "read-write"))})", v.Origin);
        }

        var writable = f.Access.Where(a => a.Access.HasFlag(FileAccess.Write)).Select(a => a.Path).ToList();
        var executable = f.Access.Where(a => a.Access.HasFlag(FileAccess.Execute)).Select(a => a.Path).ToList();
        c.Item("writable places: " + (writable.Count == 0 ? "none" : string.Join(", ", writable)), Origin(f, FileAccess.Write));
        c.Item("executable places: " + (executable.Count == 0 ? "none" : string.Join(", ", executable)), Origin(f, FileAccess.Execute));
        foreach (var a in f.Access)
        {
            c.Item($"access rule (Landlock and AppArmor): {a.Path} may be {Words(a.Access)}", a.Origin);
            if (a.Access.HasFlag(FileAccess.Write) && a.Access.HasFlag(FileAccess.Execute))
            {
                c.Risk(RiskLevel.Medium, $"{a.Path} is both writable and executable: downloaded code can run", a.Origin);
            }
        }

        c.Item($"masked paths: {f.MaskedPaths.Length} (hidden from the workload)", f.MaskedPaths.IsEmpty ? c.Profile.Origin : f.MaskedPaths[0].Origin);
        c.Item($"read-only paths: {f.ReadOnlyPaths.Length}", f.ReadOnlyPaths.IsEmpty ? c.Profile.Origin : f.ReadOnlyPaths[0].Origin);
        if (f.MaskedPaths.IsEmpty)
        {
            c.Risk(RiskLevel.Medium, "no masked paths: /proc/kcore, /proc/keys and similar are visible", c.Profile.Origin);
        }

        c.Item(f.AllowSetuid.Value ? "setuid/setgid binaries: honoured" : "setuid/setgid binaries: ignored (nosuid)", f.AllowSetuid.Origin);
        if (f.AllowSetuid.Value)
        {
            c.Risk(RiskLevel.High, "setuid binaries are honoured inside the container", f.AllowSetuid.Origin);
        }

        foreach (var d in c.Profile.Devices)
        {
            c.Item($"device {d.Path} ({d.Type} {d.Major}:{d.Minor}, {d.Access})", d.Origin);
        }

        foreach (var rule in c.Profile.AppArmorRules)
        {
            c.Item($"extra AppArmor rule: {rule.Value}", rule.Origin);
        }

        return c.Section("Filesystem");
    }

    private static SourceLocation Origin(FilesystemProfile f, FileAccess flag) =>
        f.Access.FirstOrDefault(a => a.Access.HasFlag(flag))?.Origin ?? SourceLocation.None;

    private static string Words(FileAccess a)
    {
        var w = new List<string>();
        if (a.HasFlag(FileAccess.Read))
        {
            w.Add("read");
        }

        if (a.HasFlag(FileAccess.Write))
        {
            w.Add("written");
        }

        if (a.HasFlag(FileAccess.Execute))
        {
            w.Add("executed");
        }

        return w.Count == 0 ? "not accessed" : string.Join(", ", w);
    }
}
