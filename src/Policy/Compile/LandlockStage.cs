using Hctr.Policy.Diagnostics;
using Hctr.Policy.Landlock;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using static Hctr.Policy.Landlock.LandlockAccess;

namespace Hctr.Policy.Compile;

/// <summary>
/// The Landlock ruleset for the ABI the host reports.
/// Filesystem: handled only when the profile has filesystem.access rules (without them the filesystem is
/// confined by mounts, read-only paths and AppArmor). Rules are grants; beneath a path the effective rights are
/// the union of the rules on it and its ancestors (Landlock's own semantics). Implied grants, so the
/// container still works: tmpfs mounts, rw volumes, /dev/shm, /dev/pts and /dev/mqueue read+write, ro volumes
/// read, the default device nodes read+write, profile devices as their rw access says. Rights on a rule are
/// the union for its path; the Sandbox masks them to <see cref="LandlockAccess.FsFileRights"/> when the inode
/// is not a directory (the kernel refuses directory rights on a file).
/// Network (ABI ≥ 4): a right whose port ranges cover 0-65535 is not handled; otherwise one rule per port.
/// Scopes (ABI ≥ 6): abstract unix sockets and signals are always scoped. ABI 7: log denials after execve.
/// ABI 0: no plan and warning HCTR1602. TCP rules on ABI &lt; 4 or fs rules on ABI &lt; 3/5: warning.
/// </summary>
internal static class LandlockStage
{
    public static LandlockPlan? Build(CompileContext c, IReadOnlyList<MountStep> mounts)
    {
        var abi = Clamp(c.Host.LandlockAbi);
        var fs = c.Profile.Filesystem;
        var net = c.Profile.Network;
        var bindAll = CoversAllPorts(net.TcpBind);
        var connectAll = CoversAllPorts(net.TcpConnect);
        var tcpRestricted = !bindAll || !connectAll;
        if (abi == 0)
        {
            c.Diagnostics.Warning(DiagnosticCodes.LandlockDegraded, c.Profile.Origin,
                "the host has no Landlock: filesystem access rules and TCP port rules are not enforced by Landlock", "spec.filesystem.access");
            return null;
        }

        var handledFs = fs.Access.IsDefaultOrEmpty ? 0 : HandledFs(abi);
        var handledNet = HandledNet(abi) & ((bindAll ? 0 : NetBindTcp) | (connectAll ? 0 : NetConnectTcp));
        var scoped = Scopes(abi);
        WarnDegraded(c, abi, handledFs != 0, tcpRestricted);
        if (handledFs == 0 && handledNet == 0 && scoped == 0)
        {
            return null;
        }

        var paths = handledFs == 0 ? [] : PathRules(c, mounts, handledFs);
        var ports = handledNet == 0 ? [] : NetRules(net, handledNet);
        return new LandlockPlan(abi, handledFs, handledNet, scoped, paths, ports) { RestrictSelfFlags = RestrictSelfFlags(abi) };
    }

    private static void WarnDegraded(CompileContext c, int abi, bool fsRules, bool tcpRestricted)
    {
        if (tcpRestricted && abi < 4)
        {
            c.Diagnostics.Warning(DiagnosticCodes.LandlockDegraded, c.Profile.Origin,
                $"host Landlock ABI {abi} cannot restrict TCP ports (needs ABI 4): tcpBind/tcpConnect are not enforced by Landlock", "spec.network");
        }

        if (fsRules && abi < 5)
        {
            var lost = abi < 3 ? "truncate(2) and device ioctls" : "device ioctls";
            c.Diagnostics.Warning(DiagnosticCodes.LandlockDegraded, c.Profile.Origin,
                $"host Landlock ABI {abi} does not mediate {lost}: write rules are enforced without them", "spec.filesystem.access");
        }
    }

    public static bool CoversAllPorts(IEnumerable<PortRange> ranges)
    {
        var next = 0;
        foreach (var r in ranges.OrderBy(r => r.First))
        {
            if (r.First > next)
            {
                return false;
            }

            next = Math.Max(next, r.Last + 1);
        }

        return next > ushort.MaxValue;
    }

    private static List<LandlockPathRule> PathRules(CompileContext c, IReadOnlyList<MountStep> mounts, ulong handled)
    {
        var byPath = new SortedDictionary<string, (ulong Access, SourceLocation Origin)>(StringComparer.Ordinal);
        void Grant(string path, ulong access, SourceLocation origin)
        {
            if (access == 0)
            {
                return; // no rights is the default; the kernel refuses an empty rule
            }

            byPath[path] = byPath.TryGetValue(path, out var old) ? (old.Access | access, old.Origin) : (access, origin);
        }

        foreach (var r in c.Profile.Filesystem.Access)
        {
            if (!ContainerPath.TryNormalize(r.Path, out var p))
            {
                c.Diagnostics.Error(DiagnosticCodes.BadPath, r.Origin, $"access path '{r.Path}' must be absolute without '..'", "spec.filesystem.access");
                continue;
            }

            Grant(p, ForAccess(r.Access, handled), r.Origin);
        }

        var rw = ForAccess(Model.FileAccess.Read | Model.FileAccess.Write, handled);
        var ro = ForAccess(Model.FileAccess.Read, handled);
        foreach (var m in mounts)
        {
            var implied = m.FsType switch
            {
                "tmpfs" when m.Target != "/dev" => rw,
                "devpts" or "mqueue" => rw,
                "none" when m.TargetKind == MountTargetKind.File => DeviceRights(c, m.Target, handled),
                "none" when m.Target != "/sys" => (m.Flags & MountFlags.ReadOnly) != 0 ? ro : rw,
                _ => 0UL,
            };
            Grant(m.Target, implied, m.Origin);
        }

        return [.. byPath.Select(kv => new LandlockPathRule(kv.Key, kv.Value.Access, kv.Value.Origin))];
    }

    private static ulong DeviceRights(CompileContext c, string path, ulong handled)
    {
        var dev = c.Profile.Devices.FirstOrDefault(d => ContainerPath.TryNormalize(d.Path, out var p) && p == path);
        if (dev is null)
        {
            return ForAccess(Model.FileAccess.Read | Model.FileAccess.Write, handled) & FsFileRights;
        }

        var a = (dev.Access.Contains('r') ? Model.FileAccess.Read : 0) | (dev.Access.Contains('w') ? Model.FileAccess.Write : 0);
        return ForAccess(a, handled) & FsFileRights;
    }

    private static List<LandlockNetRule> NetRules(NetworkProfile net, ulong handled)
    {
        var byPort = new SortedDictionary<ushort, (ulong Access, SourceLocation Origin)>();
        void Add(IEnumerable<PortRange> ranges, ulong right)
        {
            if ((handled & right) == 0)
            {
                return;
            }

            foreach (var r in ranges)
            {
                for (int p = r.First; p <= r.Last; p++)
                {
                    var port = (ushort)p;
                    byPort[port] = byPort.TryGetValue(port, out var old) ? (old.Access | right, old.Origin) : (right, r.Origin);
                }
            }
        }

        Add(net.TcpBind, NetBindTcp);
        Add(net.TcpConnect, NetConnectTcp);
        return [.. byPort.Select(kv => new LandlockNetRule(kv.Key, kv.Value.Access, kv.Value.Origin))];
    }
}
