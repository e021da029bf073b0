using Hctr.Policy.Model;
using FileAccess = Hctr.Policy.Model.FileAccess;

namespace Hctr.Policy.Audit;

/// <summary>Filesystem and network access, widened and narrowed, in both directions of the coverage test the widening check uses.</summary>
internal static class FilesystemDiff
{
    public static IEnumerable<DiffEntry> Compare(SecurityProfile old, SecurityProfile @new)
    {
        var o = old.Filesystem;
        var n = @new.Filesystem;
        if (o.ReadOnlyRootfs.Value != n.ReadOnlyRootfs.Value)
        {
            yield return new(n.ReadOnlyRootfs.Value ? ChangeKind.Narrow : ChangeKind.Widen, "filesystem",
                n.ReadOnlyRootfs.Value ? "the root filesystem becomes read-only" : "the root filesystem becomes writable", n.ReadOnlyRootfs.Origin);
        }

        if (o.AllowSetuid.Value != n.AllowSetuid.Value)
        {
            yield return new(n.AllowSetuid.Value ? ChangeKind.Widen : ChangeKind.Narrow, "filesystem", $"allowSetuid {o.AllowSetuid.Value} -> {n.AllowSetuid.Value}",
                n.AllowSetuid.Origin);
        }

        foreach (var r in n.Access.Where(r => Missing(r, o.Access)))
        {
            yield return new(ChangeKind.Widen, "filesystem", $"grants {r.Access} beneath {r.Path}", r.Origin);
        }

        foreach (var r in o.Access.Where(r => Missing(r, n.Access)))
        {
            yield return new(ChangeKind.Narrow, "filesystem", $"no longer grants {Missing(r.Access, n.Access, r.Path)} beneath {r.Path}", @new.Origin);
        }

        foreach (var (list, baseList, kind, verb) in new[]
        {
            (o.MaskedPaths, n.MaskedPaths, ChangeKind.Widen, "is no longer masked"), (n.MaskedPaths, o.MaskedPaths, ChangeKind.Narrow, "is now masked"),
            (o.ReadOnlyPaths, n.ReadOnlyPaths, ChangeKind.Widen, "is no longer read-only"), (n.ReadOnlyPaths, o.ReadOnlyPaths, ChangeKind.Narrow, "is now read-only"),
        })
        {
            foreach (var p in list.Where(p => !baseList.Any(x => x.Value == p.Value)))
            {
                yield return new(kind, "filesystem", $"{p.Value} {verb}", kind == ChangeKind.Narrow ? p.Origin : @new.Origin);
            }
        }

        foreach (var v in n.Volumes)
        {
            var ov = o.Volumes.FirstOrDefault(x => x.Target == v.Target);
            if (ov is null || v.Modes.Except(ov.Modes).Any())
            {
                yield return new(ChangeKind.Widen, "filesystem", $"volume at {v.Target} allows {string.Join(",", v.Modes.Except(ov?.Modes ?? []))}", v.Origin);
            }
        }

        foreach (var v in o.Volumes)
        {
            var nv = n.Volumes.FirstOrDefault(x => x.Target == v.Target);
            if (nv is null || v.Modes.Except(nv.Modes).Any())
            {
                yield return new(ChangeKind.Narrow, "filesystem", $"volume at {v.Target} no longer allows {string.Join(",", v.Modes.Except(nv?.Modes ?? []))}", @new.Origin);
            }
        }

        foreach (var t in n.Tmpfs)
        {
            var ot = o.Tmpfs.FirstOrDefault(x => x.Path == t.Path);
            if (ot is null || !ot.Options.SequenceEqual(t.Options) || ot.SizeBytes != t.SizeBytes || ot.Mode != t.Mode)
            {
                var exec = !t.Options.Contains("noexec") && (ot is null || ot.Options.Contains("noexec"));
                yield return new(exec ? ChangeKind.Widen : ChangeKind.Change, "filesystem",
                    $"tmpfs {t.Path} {(ot is null ? "added" : "changed")} ({string.Join(",", t.Options)}){(exec ? ", executable" : "")}", t.Origin);
            }
        }

        foreach (var t in o.Tmpfs.Where(t => !n.Tmpfs.Any(x => x.Path == t.Path)))
        {
            yield return new(ChangeKind.Change, "filesystem", $"tmpfs {t.Path} removed", @new.Origin);
        }

        foreach (var d in Network(old.Network, @new.Network, @new))
        {
            yield return d;
        }
    }

    private static IEnumerable<DiffEntry> Network(NetworkProfile o, NetworkProfile n, SecurityProfile @new)
    {
        foreach (var m in n.Modes.Where(m => !o.Modes.Any(x => x.Value == m.Value)))
        {
            yield return new(ChangeKind.Widen, "network", $"network mode {m.Value.ToString().ToLowerInvariant()} is allowed", m.Origin);
        }

        foreach (var m in o.Modes.Where(m => !n.Modes.Any(x => x.Value == m.Value)))
        {
            yield return new(ChangeKind.Narrow, "network", $"network mode {m.Value.ToString().ToLowerInvariant()} is no longer allowed", @new.Origin);
        }

        if (o.Modes.Length > 0 && n.Modes.Length > 0 && o.Modes[0].Value != n.Modes[0].Value)
        {
            yield return new(ChangeKind.Change, "network", $"default network mode {o.Modes[0].Value} -> {n.Modes[0].Value}".ToLowerInvariant(), n.Modes[0].Origin);
        }

        foreach (var (a, b, verb) in new[] { (o.TcpBind, n.TcpBind, "bind"), (o.TcpConnect, n.TcpConnect, "connect") })
        {
            foreach (var r in b.Where(r => !a.Any(x => x.First <= r.First && r.Last <= x.Last)))
            {
                yield return new(ChangeKind.Widen, "network", $"TCP {verb} allowed on {r}", r.Origin);
            }

            foreach (var r in a.Where(r => !b.Any(x => x.First <= r.First && r.Last <= x.Last)))
            {
                yield return new(ChangeKind.Narrow, "network", $"TCP {verb} no longer allowed on all of {r}", @new.Origin);
            }
        }
    }

    /// <summary>True when <paramref name="baseRules"/> (same path or an ancestor) do not grant all of <paramref name="r"/>'s access.</summary>
    private static bool Missing(PathAccessRule r, IEnumerable<PathAccessRule> baseRules) => Missing(r.Access, baseRules, r.Path) != FileAccess.None;

    private static FileAccess Missing(FileAccess access, IEnumerable<PathAccessRule> baseRules, string path)
    {
        var granted = FileAccess.None;
        foreach (var b in baseRules)
        {
            if (b.Path == "/" || path == b.Path || path.StartsWith(b.Path + "/", StringComparison.Ordinal))
            {
                granted |= b.Access;
            }
        }

        return access & ~granted;
    }
}
