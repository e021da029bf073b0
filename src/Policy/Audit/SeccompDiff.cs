using System.Collections.Immutable;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Audit;

/// <summary>
/// Seccomp changes on the compiled rule tables (groups expanded, extends merged, per architecture): for each
/// syscall number both filters know, the decisions are compared over argument samples that reach every
/// outcome (<see cref="ArgSamples"/>). More permissive anywhere is a widening (ranks as in
/// <see cref="SeccompWidening.Rank"/>); when samples would be too many, a changed chain counts as widening (fail closed).
/// </summary>
internal static class SeccompDiff
{
    private readonly record struct Hit(ChangeKind Kind, string Name, SeccompArch Arch, string From, string To, SourceLocation At);

    public static IEnumerable<DiffEntry> Compare(SeccompProfile old, SeccompProfile @new, HostFacts host)
    {
        var to = RuleResolver.Resolve(SeccompStage.RuleSet(old, host)).ToDictionary(t => t.Arch);
        var tn = RuleResolver.Resolve(SeccompStage.RuleSet(@new, host)).ToDictionary(t => t.Arch);
        var e = new List<DiffEntry>();
        foreach (var a in tn.Keys.Except(to.Keys))
        {
            e.Add(new(ChangeKind.Widen, "seccomp", $"architecture {SeccompArchNames.ToName(a)} is now allowed", @new.DefaultAction.Origin));
        }

        foreach (var a in to.Keys.Except(tn.Keys))
        {
            e.Add(new(ChangeKind.Narrow, "seccomp", $"architecture {SeccompArchNames.ToName(a)} is no longer allowed", @new.DefaultAction.Origin));
        }

        var ru = SeccompWidening.Rank(@new.UnknownAction.Value) - SeccompWidening.Rank(old.UnknownAction.Value);
        if (old.UnknownAction.Value != @new.UnknownAction.Value)
        {
            e.Add(new(Kind(ru), "seccomp", $"syscalls unknown to hctr: {old.UnknownAction.Value} -> {@new.UnknownAction.Value}", @new.UnknownAction.Origin));
        }

        var hits = new List<Hit>();
        foreach (var (arch, n) in tn)
        {
            if (!to.TryGetValue(arch, out var o))
            {
                continue;
            }

            foreach (var name in SyscallTable.Names(arch))
            {
                SyscallTable.TryGetNumber(arch, name, out var nr);
                if (CompareOne(o, n, nr, @new.DefaultAction.Origin) is { } h)
                {
                    hits.Add(h with { Name = name, Arch = arch });
                }
            }
        }

        foreach (var g in hits.GroupBy(h => (h.Kind, h.At, h.From, h.To)))
        {
            var names = g.GroupBy(h => h.Name).Select(x => (x.Key, Arches: string.Join("/", x.Select(h => SeccompArchNames.ToName(h.Arch)))))
                .GroupBy(x => x.Arches).ToList();
            foreach (var byArch in names)
            {
                var list = byArch.Select(x => x.Key).Order(StringComparer.Ordinal).ToList();
                var shown = list.Count <= 10 ? string.Join(", ", list) : string.Join(", ", list.Take(10)) + $" and {list.Count - 10} more";
                var verb = g.Key.Kind switch { ChangeKind.Widen => "newly allowed or less restricted", ChangeKind.Narrow => "newly denied or more restricted", _ => "changed" };
                e.Add(new(g.Key.Kind, "seccomp", $"{byArch.Key}: {shown} {verb} ({g.Key.From} -> {g.Key.To})", g.Key.At));
            }
        }

        return e;
    }

    private static Hit? CompareOne(ArchRuleTable o, ArchRuleTable n, int nr, SourceLocation defaultOrigin)
    {
        var co = SyscallExposure.Chain(o, nr);
        var cn = SyscallExposure.Chain(n, nr);
        if (o.DefaultAction == n.DefaultAction && SameChain(co, cn))
        {
            return null;
        }

        if (!ArgSamples.TryBuild(co.Concat(cn), n.Arch, out var samples))
        {
            return new Hit(ChangeKind.Widen, "", n.Arch, "rules", "changed rules (too many argument cases to compare)", cn.FirstOrDefault()?.Origin ?? defaultOrigin);
        }

        Hit? narrow = null, change = null;
        foreach (var args in samples)
        {
            var ao = ArgSamples.Decide(co, o.DefaultAction, args);
            var an = ArgSamples.Decide(cn, n.DefaultAction, args);
            if (ao == an)
            {
                continue;
            }

            var at = cn.FirstOrDefault(r => r.IsUnconditional || r.Conditions.All(c => c.Holds(args[c.Index])))?.Origin ?? defaultOrigin;
            var kind = Kind(SeccompWidening.Rank(an) - SeccompWidening.Rank(ao));
            var hit = new Hit(kind, "", n.Arch, ao.ToString(), an.ToString(), at);
            if (kind == ChangeKind.Widen)
            {
                return hit;
            }

            if (kind == ChangeKind.Narrow)
            {
                narrow ??= hit;
            }
            else
            {
                change ??= hit;
            }
        }

        return narrow ?? change;
    }

    private static ChangeKind Kind(int rankDelta) => rankDelta > 0 ? ChangeKind.Widen : rankDelta < 0 ? ChangeKind.Narrow : ChangeKind.Change;

    private static bool SameChain(ImmutableArray<SyscallRule> a, ImmutableArray<SyscallRule> b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Action == p.Second.Action && p.First.Conditions.SequenceEqual(p.Second.Conditions));
}
