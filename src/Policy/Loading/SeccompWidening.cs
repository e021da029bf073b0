using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Loading;

/// <summary>
/// Per syscall name, a child is at most as permissive as its base when its chain of rules equals the base's,
/// or when the most permissive outcome it can reach ranks no higher than the least permissive outcome the
/// base can reach. Anything else counts as widening (fail closed). Ranks: allow and log 3; notify and trace 2
/// (a supervisor decides); errno and trap 1; kills 0.
/// </summary>
internal static class SeccompWidening
{
    public static IEnumerable<(SourceLocation At, string What)> Find(SeccompProfile c, SeccompProfile p)
    {
        if (Rank(c.UnknownAction.Value) > Rank(p.UnknownAction.Value))
        {
            yield return (c.UnknownAction.Origin, $"unknown syscalls get {c.UnknownAction.Value} instead of {p.UnknownAction.Value}");
        }

        foreach (var a in c.Architectures.Where(a => p.Architectures.Length > 0 && !p.Architectures.Any(x => x.Value == a.Value)))
        {
            yield return (a.Origin, $"adds architecture {a.Value}");
        }

        var names = c.Rules.SelectMany(r => r.Expanded).Concat(p.Rules.SelectMany(r => r.Expanded)).ToHashSet(StringComparer.Ordinal);
        var defaultWidened = Rank(c.DefaultAction.Value) > Rank(p.DefaultAction.Value);
        if (defaultWidened)
        {
            yield return (c.DefaultAction.Origin, $"the default action becomes {c.DefaultAction.Value} instead of {p.DefaultAction.Value}");
        }

        var widened = new List<(SourceLocation At, string Name, SeccompAction Top)>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var cc = Chain(c, name);
            var pc = Chain(p, name);
            if (SameChain(cc, pc))
            {
                continue;
            }

            var (cMax, _) = Bounds(cc, c.DefaultAction.Value);
            var (_, pMin) = Bounds(pc, p.DefaultAction.Value);
            if (cMax > pMin)
            {
                widened.Add((cc.FirstOrDefault()?.Origin ?? c.DefaultAction.Origin, name, Top(cc, c.DefaultAction.Value)));
            }
        }

        // One finding per rule (or default action) that widens, naming the syscalls it opens.
        foreach (var g in widened.GroupBy(w => (w.At, w.Top)))
        {
            var opened = g.Select(w => $"'{w.Name}'").ToList();
            var list = opened.Count <= 8 ? string.Join(", ", opened) : string.Join(", ", opened.Take(8)) + $" and {opened.Count - 8} more";
            yield return (g.Key.At, $"{list} may now be {g.Key.Top}");
        }
    }

    /// <summary>
    /// Structural equality: a record holding ImmutableArray compares it by reference, so an inherited rule
    /// (rebuilt by the merger) would otherwise never equal the base's and every conditional allow would count as widening.
    /// </summary>
    private static bool SameChain(List<SeccompRuleSpec> a, List<SeccompRuleSpec> b) =>
        a.Count == b.Count && a.Zip(b).All(z => z.First.Action == z.Second.Action && z.First.Args.SequenceEqual(z.Second.Args));

    private static List<SeccompRuleSpec> Chain(SeccompProfile s, string name)
    {
        var chain = new List<SeccompRuleSpec>();
        foreach (var r in s.Rules.Where(r => r.Expanded.Contains(name)))
        {
            chain.Add(r);
            if (r.Args.IsEmpty)
            {
                break;
            }
        }

        return chain;
    }

    private static (int Max, int Min) Bounds(List<SeccompRuleSpec> chain, SeccompAction fallback)
    {
        var ranks = chain.Select(r => Rank(r.Action)).ToList();
        if (chain.Count == 0 || !chain[^1].Args.IsEmpty)
        {
            ranks.Add(Rank(fallback));
        }

        return (ranks.Max(), ranks.Min());
    }

    private static SeccompAction Top(List<SeccompRuleSpec> chain, SeccompAction fallback) =>
        chain.Select(r => r.Action).Append(fallback).MaxBy(Rank);

    public static int Rank(SeccompAction a) => a.Kind switch
    {
        SeccompActionKind.Allow or SeccompActionKind.Log => 3,
        SeccompActionKind.Notify or SeccompActionKind.Trace => 2,
        SeccompActionKind.Errno or SeccompActionKind.Trap => 1,
        _ => 0,
    };
}
