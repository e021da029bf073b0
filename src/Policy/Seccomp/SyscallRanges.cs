using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Splits the 32-bit syscall number space of one audit architecture into segments with one
/// leaf each, merging neighbours that return the same constant. On x86_64 the space is shared:
/// numbers below 0x40000000 are the x86_64 ABI, the rest x32; an ABI that is not listed gets
/// KILL_PROCESS there, so x32 calls cannot slip through an x86_64-only filter.
/// </summary>
internal static class SyscallRanges
{
    public static ImmutableArray<NrSegment> Build(IReadOnlyList<ArchRuleTable> tables, uint auditArch)
    {
        var kill = NrLeaf.Of(SeccompAction.KillProcess);
        var segments = new List<NrSegment>();
        if (auditArch == SyscallTable.AuditArch(SeccompArch.X86_64))
        {
            var x86_64 = tables.FirstOrDefault(t => t.Arch == SeccompArch.X86_64);
            var x32 = tables.FirstOrDefault(t => t.Arch == SeccompArch.X32);
            AddDomain(segments, x86_64, 0, SeccompRet.X32SyscallBit - 1, kill);
            AddDomain(segments, x32, SeccompRet.X32SyscallBit, uint.MaxValue, kill);
        }
        else
        {
            AddDomain(segments, tables.Single(), 0, uint.MaxValue, kill);
        }
        return Merge(segments);
    }

    private static void AddDomain(List<NrSegment> segments, ArchRuleTable? table, uint lo, uint hi, NrLeaf absent)
    {
        if (table is null)
        {
            segments.Add(new NrSegment(lo, hi, absent));
            return;
        }
        var unknown = NrLeaf.Of(table.UnknownAction);
        var numbers = SyscallTable.Numbers(table.Arch).Concat(table.Rules.Keys)
            .Select(n => unchecked((uint)n)).Distinct().Order().ToList();
        var next = lo;
        foreach (var nr in numbers)
        {
            if (nr < lo || nr > hi)
            {
                if (table.Rules.ContainsKey(unchecked((int)nr)))
                    throw new SeccompCompileException(
                        $"syscall number 0x{nr:x} is outside the {SeccompArchNames.ToName(table.Arch)} range 0x{lo:x}..0x{hi:x}");
                continue;
            }
            if (nr > next)
                segments.Add(new NrSegment(next, nr - 1, unknown));
            var leaf = table.Rules.TryGetValue(unchecked((int)nr), out var rules)
                ? Simplify(rules, table.DefaultAction)
                : NrLeaf.Of(table.DefaultAction);
            segments.Add(new NrSegment(nr, nr, leaf));
            if (nr == hi)
                return;
            next = nr + 1;
        }
        segments.Add(new NrSegment(next, hi, unknown));
    }

    /// <summary>
    /// Drops rules that can never decide: everything after the first unconditional rule (which
    /// becomes the fall-through) and trailing rules whose action equals the fall-through.
    /// An empty chain is a constant leaf.
    /// </summary>
    internal static NrLeaf Simplify(ImmutableArray<SyscallRule> rules, SeccompAction defaultAction)
    {
        var fallthrough = defaultAction;
        var chain = rules.IsDefault ? [] : rules;
        var firstUnconditional = -1;
        for (var i = 0; i < chain.Length && firstUnconditional < 0; i++)
        {
            if (chain[i].IsUnconditional)
                firstUnconditional = i;
        }
        if (firstUnconditional >= 0)
        {
            fallthrough = chain[firstUnconditional].Action;
            chain = chain.RemoveRange(firstUnconditional, chain.Length - firstUnconditional);
        }
        var end = chain.Length;
        while (end > 0 && chain[end - 1].Action.ToRet() == fallthrough.ToRet())
            end--;
        chain = chain.RemoveRange(end, chain.Length - end);
        return chain.IsEmpty ? NrLeaf.Of(fallthrough) : new NrLeaf(null, chain, fallthrough);
    }

    private static ImmutableArray<NrSegment> Merge(List<NrSegment> segments)
    {
        var merged = ImmutableArray.CreateBuilder<NrSegment>();
        foreach (var s in segments)
        {
            if (merged.Count > 0 && merged[^1].Leaf.IsConstant && s.Leaf.IsConstant && merged[^1].Leaf.Constant == s.Leaf.Constant)
                merged[^1] = merged[^1] with { Hi = s.Hi };
            else
                merged.Add(s);
        }
        return merged.ToImmutable();
    }
}
