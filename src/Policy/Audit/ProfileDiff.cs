using System.Collections.Immutable;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Audit;

/// <summary>
/// Semantic diff of two effective profiles. Capabilities, namespaces and id maps compare the compiled
/// <see cref="LaunchPlan"/>s; seccomp compares the compiled per-architecture rule tables syscall by syscall;
/// anything else the plans disagree on is reported per plan section, so the diff is empty exactly when the
/// compiled plans are equal (names, digests and source locations aside). Widenings sort first.
/// </summary>
public static class ProfileDiff
{
    public static ImmutableArray<DiffEntry> Compare(SecurityProfile old, SecurityProfile @new, HostFacts host)
    {
        var e = new List<DiffEntry>();
        var po = PlanCompiler.Compile(old, LaunchRequest.Example, host).Plan;
        var pn = PlanCompiler.Compile(@new, LaunchRequest.Example, host).Plan;
        if (po is not null && pn is not null)
        {
            Capabilities(po.Capabilities, pn.Capabilities, old, @new, e);
            Namespaces(po, pn, e);
        }

        if (old.NoNewPrivileges.Value != @new.NoNewPrivileges.Value)
        {
            e.Add(new(@new.NoNewPrivileges.Value ? ChangeKind.Narrow : ChangeKind.Widen, "noNewPrivileges",
                @new.NoNewPrivileges.Value ? "no_new_privs turned on" : "no_new_privs turned off", @new.NoNewPrivileges.Origin));
        }

        UserNamespace(old.UserNamespace, @new.UserNamespace, e);
        e.AddRange(SeccompDiff.Compare(old.Seccomp, @new.Seccomp, host));
        e.AddRange(FilesystemDiff.Compare(old, @new));
        e.AddRange(ResourceDiff.Compare(old, @new));
        if (po is not null && pn is not null)
        {
            PlanSectionDiff.AddUncovered(po, pn, @new.Origin, e);
        }

        return [.. e.Select((x, i) => (x, i)).OrderBy(t => t.x.Kind).ThenBy(t => t.i).Select(t => t.x)];
    }

    public static bool HasWidening(IEnumerable<DiffEntry> entries) => entries.Any(d => d.Kind == ChangeKind.Widen);

    /// <summary>One entry per capability gained or lost, naming the sets (bounding, permitted, ...) it moves in.</summary>
    private static void Capabilities(CapabilityPlan o, CapabilityPlan n, SecurityProfile old, SecurityProfile @new, List<DiffEntry> e)
    {
        var sets = new[]
        {
            ("bounding", o.Bounding, n.Bounding), ("permitted", o.Permitted, n.Permitted), ("effective", o.Effective, n.Effective),
            ("inheritable", o.Inheritable, n.Inheritable), ("ambient", o.Ambient, n.Ambient),
        };
        foreach (var cap in CapabilityNames.All)
        {
            var bit = 1UL << (int)cap;
            var gained = sets.Where(s => (s.Item3 & ~s.Item2 & bit) != 0).Select(s => s.Item1).ToList();
            var lost = sets.Where(s => (s.Item2 & ~s.Item3 & bit) != 0).Select(s => s.Item1).ToList();
            if (gained.Count > 0)
            {
                var at = @new.Capabilities.Add.FirstOrDefault(x => x.Value == cap).Origin;
                e.Add(new(ChangeKind.Widen, "capabilities", $"gains {CapabilityNames.Name(cap)} ({string.Join(", ", gained)})", at.File is null ? @new.Origin : at));
            }

            if (lost.Count > 0)
            {
                var at = old.Capabilities.Add.FirstOrDefault(x => x.Value == cap).Origin;
                e.Add(new(ChangeKind.Narrow, "capabilities", $"loses {CapabilityNames.Name(cap)} ({string.Join(", ", lost)})", at.File is null ? old.Origin : at));
            }
        }
    }

    private static void Namespaces(LaunchPlan o, LaunchPlan n, List<DiffEntry> e)
    {
        foreach (var ns in o.Namespaces.Namespaces.Except(n.Namespaces.Namespaces))
        {
            e.Add(new(ChangeKind.Widen, "namespaces", $"the {ns} namespace is no longer private (shared with the host)", n.IdMaps.Origin));
        }

        foreach (var ns in n.Namespaces.Namespaces.Except(o.Namespaces.Namespaces))
        {
            e.Add(new(ChangeKind.Narrow, "namespaces", $"a private {ns} namespace is added", n.IdMaps.Origin));
        }

        foreach (var (kind, a, b) in new[] { ("uid", o.IdMaps.Uid, n.IdMaps.Uid), ("gid", o.IdMaps.Gid, n.IdMaps.Gid) })
        {
            if (!a.SequenceEqual(b))
            {
                var toRoot = b.Any(m => m.HostId == 0) && !a.Any(m => m.HostId == 0);
                e.Add(new(toRoot ? ChangeKind.Widen : ChangeKind.Change, "idMaps",
                    $"{kind} map {Maps(a)} -> {Maps(b)}{(toRoot ? " (now reaches host id 0)" : "")}", n.IdMaps.Origin));
            }
        }
    }

    private static void UserNamespace(UserNamespaceProfile o, UserNamespaceProfile n, List<DiffEntry> e)
    {
        if (o.Mode.Value != n.Mode.Value)
        {
            var kind = n.Mode.Value == UserNamespaceMode.HostUnsafe ? ChangeKind.Widen : o.Mode.Value == UserNamespaceMode.HostUnsafe ? ChangeKind.Narrow : ChangeKind.Change;
            e.Add(new(kind, "userNamespace", $"mode {o.Mode.Value} -> {n.Mode.Value}", n.Mode.Origin));
        }

        if (o.AllowHostRootUnsafe.Value != n.AllowHostRootUnsafe.Value)
        {
            e.Add(new(n.AllowHostRootUnsafe.Value ? ChangeKind.Widen : ChangeKind.Narrow, "userNamespace",
                $"allowHostRootUnsafe {o.AllowHostRootUnsafe.Value} -> {n.AllowHostRootUnsafe.Value}", n.AllowHostRootUnsafe.Origin));
        }
    }

    private static string Maps(IReadOnlyList<IdMapEntry> m) =>
        m.Count == 0 ? "[]" : "[" + string.Join(", ", m.Select(x => $"{x.ContainerId}:{x.HostId}:{x.Size}")) + "]";
}
