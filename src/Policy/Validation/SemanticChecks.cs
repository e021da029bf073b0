using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Validation;

/// <summary>
/// Checks on the effective profile that the schema cannot express. Each check is a small function that adds
/// diagnostics; all run, so every problem is reported at once.
/// </summary>
public static class SemanticChecks
{
    /// <summary>Capabilities that amount to host root when there is no user namespace.</summary>
    public static readonly IReadOnlySet<Capability> HostRootEquivalent = new HashSet<Capability>
    {
        Capability.SysAdmin, Capability.SysModule, Capability.SysRawio, Capability.SysPtrace, Capability.DacReadSearch,
        Capability.NetAdmin, Capability.Bpf, Capability.Perfmon, Capability.SysBoot, Capability.MacAdmin, Capability.MacOverride,
    };

    public static void Run(SecurityProfile p, DiagnosticBag d)
    {
        SeccompChecks.Run(p.Seccomp, d);
        CheckUserNamespace(p, d);
        CheckDuplicates(p, d);
        CheckSysctls(p, d);
        CheckAppArmor(p, d);
        CheckNetwork(p, d);
    }

    private static void CheckUserNamespace(SecurityProfile p, DiagnosticBag d)
    {
        var u = p.UserNamespace;
        var mode = u.Mode.Value;
        if (mode == UserNamespaceMode.Map && (u.UidMappings.IsEmpty || u.GidMappings.IsEmpty))
        {
            d.Error(DiagnosticCodes.BadIdMap, u.Mode.Origin, "userNamespace mode 'map' needs both uidMappings and gidMappings", "spec.userNamespace");
        }

        if (mode != UserNamespaceMode.Map && (!u.UidMappings.IsEmpty || !u.GidMappings.IsEmpty))
        {
            var at = (u.UidMappings.IsEmpty ? u.GidMappings : u.UidMappings)[0].Origin;
            d.Error(DiagnosticCodes.BadIdMap, at, $"uid/gid mappings are only used with mode 'map' (mode is '{Camel(mode)}')",
                "spec.userNamespace", "set 'mode: map' or remove the mappings");
        }

        if (mode == UserNamespaceMode.HostUnsafe)
        {
            d.Warning(DiagnosticCodes.UnsafeSwitch, u.Mode.Origin, "no user namespace: container root is host root", "spec.userNamespace.mode",
                "use 'auto' unless the workload truly needs host ids");
            foreach (var c in p.Capabilities.Add.Where(c => HostRootEquivalent.Contains(c.Value)))
            {
                d.Error(DiagnosticCodes.PrivilegedWithoutUserns, c.Origin,
                    $"{CapabilityNames.Name(c.Value)} without a user namespace gives the container control of the host",
                    "spec.capabilities.add", "keep the user namespace (mode: auto) or drop the capability");
            }
        }

        if (mode == UserNamespaceMode.Map)
        {
            CheckMaps(u.UidMappings, "uidMappings", u.AllowHostRootUnsafe, d);
            CheckMaps(u.GidMappings, "gidMappings", u.AllowHostRootUnsafe, d);
        }
    }

    private static void CheckMaps(IReadOnlyList<IdMapping> maps, string field, Located<bool> allowRoot, DiagnosticBag d)
    {
        for (var i = 0; i < maps.Count; i++)
        {
            var m = maps[i];
            if ((ulong)m.ContainerId + m.Size > 1UL << 32 || (ulong)m.HostId + m.Size > 1UL << 32)
            {
                d.Error(DiagnosticCodes.BadIdMap, m.Origin, "the mapping runs past id 4294967295", "spec.userNamespace." + field);
            }

            if (m.ContainerId == 0 && m.HostId == 0 && !allowRoot.Value)
            {
                d.Error(DiagnosticCodes.HostRootUnsafe, m.Origin, "container root is mapped to host root", "spec.userNamespace." + field,
                    "map container id 0 to an unprivileged host range, or set allowHostRootUnsafe: true (audited)");
            }

            for (var j = 0; j < i; j++)
            {
                var o = maps[j];
                if (Overlaps(m.ContainerId, m.Size, o.ContainerId, o.Size) || Overlaps(m.HostId, m.Size, o.HostId, o.Size))
                {
                    d.Error(DiagnosticCodes.OverlappingIdMap, m.Origin, $"this mapping overlaps the one at line {o.Origin.Line}",
                        "spec.userNamespace." + field, "the kernel refuses overlapping ranges; split or shrink them");
                }
            }
        }
    }

    private static bool Overlaps(uint a, uint an, uint b, uint bn) => (ulong)a < (ulong)b + bn && (ulong)b < (ulong)a + an;

    private static void CheckDuplicates(SecurityProfile p, DiagnosticBag d)
    {
        Dupes(p.Filesystem.Tmpfs.Select(t => (t.Path, t.Origin)), "tmpfs mount", d);
        Dupes(p.Filesystem.Access.Select(t => (t.Path, t.Origin)), "access rule", d);
        Dupes(p.Filesystem.Volumes.Select(t => (t.Target, t.Origin)), "volume target", d);
        Dupes(p.Devices.Select(t => (t.Path, t.Origin)), "device", d);
    }

    private static void Dupes(IEnumerable<(string Key, SourceLocation At)> items, string what, DiagnosticBag d)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (key, at) in items)
        {
            if (seen.TryGetValue(key, out var first) && first.File == at.File)
            {
                d.Error(DiagnosticCodes.ConflictingPath, at, $"a second {what} for '{key}' (first at line {first.Line})", null, "keep one entry per path");
            }

            seen.TryAdd(key, at);
        }
    }

    /// <summary>Only sysctls that the container's own namespaces isolate (as runc and Docker allow).</summary>
    private static void CheckSysctls(SecurityProfile p, DiagnosticBag d)
    {
        string[] ipc = ["kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"];
        var hostNet = p.Network.Modes.Any(m => m.Value == NetworkMode.Host);
        foreach (var s in p.Sysctls)
        {
            var ok = ipc.Contains(s.Key) || s.Key.StartsWith("fs.mqueue.", StringComparison.Ordinal)
                || (s.Key.StartsWith("net.", StringComparison.Ordinal) && !hostNet);
            if (!ok)
            {
                d.Error(DiagnosticCodes.SysctlNotNamespaced, s.Origin,
                    hostNet && s.Key.StartsWith("net.", StringComparison.Ordinal)
                        ? $"sysctl '{s.Key}' would change the host: the profile allows host networking"
                        : $"sysctl '{s.Key}' is not isolated by the container's namespaces",
                    "spec.sysctls", "only IPC (kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*) and net.* sysctls are allowed");
            }
        }
    }

    /// <summary>Extra rules go inside hctr's profile block: one rule each, ending in ',', no braces or newlines.</summary>
    private static void CheckAppArmor(SecurityProfile p, DiagnosticBag d)
    {
        foreach (var r in p.AppArmorRules)
        {
            var t = r.Value.Trim();
            if (!t.EndsWith(',') || t.IndexOfAny(['{', '}', '\n', '\r', '#', '\0']) >= 0 || t.StartsWith("profile", StringComparison.Ordinal)
                || t.StartsWith("include", StringComparison.Ordinal))
            {
                d.Error(DiagnosticCodes.BadAppArmorRule, r.Origin, $"'{t}' is not a single AppArmor rule", "spec.apparmor.rules",
                    "write one rule ending in ',' such as 'deny /sys/firmware/** rwklx,'; no braces, comments, includes or sub-profiles");
            }
        }
    }

    private static void CheckNetwork(SecurityProfile p, DiagnosticBag d)
    {
        var modes = p.Network.Modes;
        var onlyNone = modes.All(m => m.Value == NetworkMode.None);
        if (onlyNone && (!p.Network.TcpConnect.IsEmpty))
        {
            d.Warning(DiagnosticCodes.NetworkContradiction, p.Network.TcpConnect[0].Origin,
                "tcp connect ports are listed but the only network mode is 'none' (loopback only)", "spec.network.tcp.connect");
        }

        if (modes.Any(m => m.Value == NetworkMode.Host))
        {
            var at = modes.First(m => m.Value == NetworkMode.Host).Origin;
            d.Warning(DiagnosticCodes.UnsafeSwitch, at, "network mode 'host' shares the host's network stack", "spec.network.modes",
                "prefer 'bridge' with published ports");
        }
    }

    private static string Camel(UserNamespaceMode m) => m switch
    {
        UserNamespaceMode.Map => "map",
        UserNamespaceMode.HostUnsafe => "hostUnsafe",
        _ => "auto",
    };
}
