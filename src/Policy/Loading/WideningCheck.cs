using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Loading;

/// <summary>
/// A profile that extends another may only narrow it, section by section, unless it lists the section under
/// <c>widen:</c> (then a warning records it, and audits flag it). Comparisons are on the effective profiles and
/// fail closed: a change hctr cannot prove narrower counts as widening.
/// </summary>
internal static class WideningCheck
{
    public static void Run(SecurityProfile child, SecurityProfile parent, ProfileLayer leaf, DiagnosticBag d)
    {
        var declared = leaf.Widen.ToDictionary(w => w.Value, w => w.Origin, StringComparer.Ordinal);
        foreach (var (section, at, what) in Findings(child, parent))
        {
            if (declared.TryGetValue(section, out var w))
            {
                d.Warning(DiagnosticCodes.WidenDeclared, at, $"widens the base profile ({what}); allowed by 'widen: [{section}]' at line {w.Line}",
                    "widen");
            }
            else
            {
                d.Error(DiagnosticCodes.ExtendsWidens, at, $"this widens the base profile: {what}", section,
                    $"narrow it, or declare 'widen: [{section}]' (audits will flag it)");
            }
        }
    }

    private static IEnumerable<(string Section, SourceLocation At, string What)> Findings(SecurityProfile c, SecurityProfile p)
    {
        var parentCaps = p.Capabilities.Add.Select(x => x.Value).ToHashSet();
        foreach (var cap in c.Capabilities.Add.Where(x => !parentCaps.Contains(x.Value)))
        {
            yield return ("capabilities", cap.Origin, $"adds {CapabilityNames.Name(cap.Value)}");
        }

        if (p.NoNewPrivileges.Value && !c.NoNewPrivileges.Value)
        {
            yield return ("noNewPrivileges", c.NoNewPrivileges.Origin, "turns no_new_privs off");
        }

        if (c.UserNamespace.Mode.Value == UserNamespaceMode.HostUnsafe && p.UserNamespace.Mode.Value != UserNamespaceMode.HostUnsafe)
        {
            yield return ("userNamespace", c.UserNamespace.Mode.Origin, "drops the user namespace");
        }

        if (c.UserNamespace.AllowHostRootUnsafe.Value && !p.UserNamespace.AllowHostRootUnsafe.Value)
        {
            yield return ("userNamespace", c.UserNamespace.AllowHostRootUnsafe.Origin, "allows container root as host root");
        }

        foreach (var f in SeccompWidening.Find(c.Seccomp, p.Seccomp))
        {
            yield return ("seccomp", f.At, f.What);
        }

        foreach (var f in FilesystemWidening(c.Filesystem, p.Filesystem))
        {
            yield return ("filesystem", f.At, f.What);
        }

        foreach (var f in NetworkWidening(c.Network, p.Network))
        {
            yield return ("network", f.At, f.What);
        }

        foreach (var f in ResourceWidening(c, p))
        {
            yield return f;
        }
    }

    private static IEnumerable<(SourceLocation At, string What)> FilesystemWidening(FilesystemProfile c, FilesystemProfile p)
    {
        if (p.ReadOnlyRootfs.Value && !c.ReadOnlyRootfs.Value)
        {
            yield return (c.ReadOnlyRootfs.Origin, "makes the root filesystem writable");
        }

        if (!p.AllowSetuid.Value && c.AllowSetuid.Value)
        {
            yield return (c.AllowSetuid.Origin, "keeps setuid bits");
        }

        foreach (var rule in c.Access.Where(r => !Covered(r, p.Access)))
        {
            yield return (rule.Origin, $"grants {rule.Access} beneath {rule.Path} beyond the base's access rules");
        }

        foreach (var v in c.Volumes)
        {
            var pv = p.Volumes.FirstOrDefault(x => x.Target == v.Target);
            if (pv is null || v.Modes.Except(pv.Modes).Any())
            {
                yield return (v.Origin, $"allows a volume at {v.Target} ({string.Join(",", v.Modes)}) that the base does not");
            }
        }

        foreach (var t in c.Tmpfs.Where(t => !t.Options.Contains("noexec")))
        {
            var pt = p.Tmpfs.FirstOrDefault(x => x.Path == t.Path);
            if (pt is null || pt.Options.Contains("noexec"))
            {
                yield return (t.Origin, $"adds an executable tmpfs at {t.Path}");
            }
        }
    }

    /// <summary>A rule is covered when base rules at the same path or an ancestor grant at least its access.</summary>
    private static bool Covered(PathAccessRule r, IEnumerable<PathAccessRule> baseRules)
    {
        var granted = Model.FileAccess.None;
        foreach (var b in baseRules)
        {
            if (b.Path == "/" || r.Path == b.Path || r.Path.StartsWith(b.Path + "/", StringComparison.Ordinal))
            {
                granted |= b.Access;
            }
        }

        return (r.Access & ~granted) == 0;
    }

    private static IEnumerable<(SourceLocation At, string What)> NetworkWidening(NetworkProfile c, NetworkProfile p)
    {
        foreach (var m in c.Modes.Where(m => !p.Modes.Any(x => x.Value == m.Value)))
        {
            yield return (m.Origin, $"allows network mode {m.Value.ToString().ToLowerInvariant()}");
        }

        foreach (var (list, baseList, verb) in new[] { (c.TcpBind, p.TcpBind, "bind"), (c.TcpConnect, p.TcpConnect, "connect") })
        {
            foreach (var r in list.Where(r => !baseList.Any(b => b.First <= r.First && r.Last <= b.Last)))
            {
                yield return (r.Origin, $"allows TCP {verb} on {r}");
            }
        }
    }

    private static IEnumerable<(string, SourceLocation, string)> ResourceWidening(SecurityProfile c, SecurityProfile p)
    {
        if (p.Resources.MemoryBytes.Value is { } pm && (c.Resources.MemoryBytes.Value is not { } cm || cm > pm))
        {
            yield return ("resources", c.Resources.MemoryBytes.Origin, "raises or removes the memory limit");
        }

        if (p.Resources.PidsMax.Value is { } pp && (c.Resources.PidsMax.Value is not { } cp || cp > pp))
        {
            yield return ("resources", c.Resources.PidsMax.Origin, "raises or removes the pids limit");
        }

        foreach (var r in c.Rlimits)
        {
            var pr = p.Rlimits.FirstOrDefault(x => x.Name == r.Name);
            if (pr is not null && r.Hard > pr.Hard)
            {
                yield return ("rlimits", r.Origin, $"raises the {r.Name} hard limit");
            }
        }

        foreach (var s in c.Sysctls.Where(s => !p.Sysctls.Any(x => x.Key == s.Key && x.Value == s.Value)))
        {
            yield return ("sysctls", s.Origin, $"sets sysctl {s.Key}");
        }

        foreach (var dev in c.Devices.Where(x => !p.Devices.Any(y => y.Path == x.Path && x.Access.All(y.Access.Contains))))
        {
            yield return ("devices", dev.Origin, $"allows device {dev.Path}");
        }

        foreach (var r in c.AppArmorRules.Where(r => !r.Value.TrimStart().StartsWith("deny", StringComparison.Ordinal)
            && !p.AppArmorRules.Any(x => x.Value == r.Value)))
        {
            yield return ("apparmor", r.Origin, $"adds the AppArmor rule '{r.Value}'");
        }
    }
}
