using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// uid/gid maps. Auto: container 0..Size-1 → the caller's range at AutoIdRangeStart. Map: as written.
/// HostUnsafe: no user namespace, empty maps.
/// Any map that reaches host id 0 (not only container 0 → host 0) is refused unless AllowHostRootUnsafe:
/// validation checks this too; the compiler checks again and fails closed.
/// DenySetgroups is false: hctr's parent is privileged when it writes the maps (runc writes "deny" only
/// for rootless), and the init stage must call setgroups(2) to replace the supplementary groups inherited
/// from the host with exactly the plan's AdditionalGids; "deny" would make that impossible.
/// </summary>
internal static class IdMapStage
{
    public static IdMapPlan Build(CompileContext c)
    {
        var u = c.Profile.UserNamespace;
        var origin = u.Mode.Origin;
        switch (u.Mode.Value)
        {
            case UserNamespaceMode.HostUnsafe:
                return new IdMapPlan([], [], DenySetgroups: false, origin);
            case UserNamespaceMode.Auto:
                return Auto(c, u, origin);
            default:
                var uid = Check(c, u.UidMappings, "uid", "spec.userNamespace.uidMappings", origin);
                var gid = Check(c, u.GidMappings, "gid", "spec.userNamespace.gidMappings", origin);
                var plan = new IdMapPlan(uid, gid, DenySetgroups: false, origin);
                CheckRequestIds(c, plan);
                return plan;
        }
    }

    private static IdMapPlan Auto(CompileContext c, UserNamespaceProfile u, SourceLocation origin)
    {
        var start = c.Request.AutoIdRangeStart;
        if (u.Size == 0 || (ulong)start + u.Size - 1 > uint.MaxValue - 1)
        {
            c.Diagnostics.Error(DiagnosticCodes.BadIdMap, origin,
                $"auto user namespace: range of {u.Size} ids at host id {start} is empty or overflows", "spec.userNamespace.size");
            return new IdMapPlan([], [], false, origin);
        }

        var entry = new IdMapEntry(0, start, u.Size);
        CheckHostRoot(c, entry, "uid", origin);
        CheckHostRoot(c, entry, "gid", origin);
        var plan = new IdMapPlan([entry], [entry], DenySetgroups: false, origin);
        CheckRequestIds(c, plan);
        return plan;
    }

    private static List<IdMapEntry> Check(CompileContext c, IEnumerable<IdMapping> maps, string kind, string field, SourceLocation origin)
    {
        var list = new List<IdMapEntry>();
        foreach (var m in maps)
        {
            if (m.Size == 0 || (ulong)m.ContainerId + m.Size > uint.MaxValue || (ulong)m.HostId + m.Size > uint.MaxValue)
            {
                c.Diagnostics.Error(DiagnosticCodes.BadIdMap, m.Origin, $"{kind} map {m.ContainerId}:{m.HostId}:{m.Size} is empty or overflows", field);
                continue;
            }

            var e = new IdMapEntry(m.ContainerId, m.HostId, m.Size);
            CheckHostRoot(c, e, kind, m.Origin);
            list.Add(e);
        }

        if (list.Count == 0)
        {
            c.Diagnostics.Error(DiagnosticCodes.BadIdMap, origin, $"userNamespace mode map has no valid {kind} mappings", field);
        }

        return list;
    }

    private static void CheckHostRoot(CompileContext c, IdMapEntry e, string kind, SourceLocation at)
    {
        if (e.HostId == 0 && !c.Profile.UserNamespace.AllowHostRootUnsafe.Value)
        {
            c.Diagnostics.Error(DiagnosticCodes.HostRootUnsafe, at,
                $"{kind} map sends container id {e.ContainerId} to host {kind} 0 (host root)",
                "spec.userNamespace", "set allowHostRootUnsafe: true only if you mean it");
        }
    }

    private static void CheckRequestIds(CompileContext c, IdMapPlan plan)
    {
        var r = c.Request;
        if (!IsMapped(plan.Uid, r.Uid))
        {
            c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, plan.Origin, $"uid {r.Uid} is not mapped in the user namespace", "request.uid");
        }

        foreach (var g in r.AdditionalGids.Prepend(r.Gid))
        {
            if (!IsMapped(plan.Gid, g))
            {
                c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, plan.Origin, $"gid {g} is not mapped in the user namespace", "request.gid");
            }
        }
    }

    /// <summary>True when container id <paramref name="id"/> falls in one of the entries.</summary>
    public static bool IsMapped(IReadOnlyList<IdMapEntry> map, uint id) =>
        map.Any(e => id >= e.ContainerId && (ulong)id < (ulong)e.ContainerId + e.Size);
}
