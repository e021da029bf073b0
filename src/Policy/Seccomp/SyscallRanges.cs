using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Splits the 32-bit syscall number space of one audit architecture into segments with one
/// leaf each, merging neighbours that return the same constant. On x86_64 the space is shared:
/// numbers below 0x40000000 are the x86_64 ABI, the rest x32; an ABI that is not listed gets
/// KILL_PROCESS there, so x32 calls cannot slip through an x86_64-only filter. The one
/// exception is nr -1 (0xffffffff), a tracer's "skip this syscall": it gets UnknownAction.
/// <para>Weights shape the search tree: in the section's primary ABI (x86_64 on the shared
/// section) a segment weighs the known syscall numbers it covers plus, for each run of
/// unknown numbers, the run's length capped at <see cref="UnknownMargin"/> (syscalls newer
/// than the table are called too, but not a billion of them). So every syscall in use costs
/// about the same and a long run of allowed calls sits near the root. Elsewhere (x32, an
/// unlisted ABI) each merged segment weighs 1.</para>
/// </summary>
internal static class SyscallRanges
{
    /// <summary>The most a run of unknown numbers weighs (about as many new syscalls as a few kernel releases add).</summary>
    public const uint UnknownMargin = 64;

    public static ImmutableArray<NrSegment> Build(IReadOnlyList<ArchRuleTable> tables, uint auditArch)
    {
        var kill = NrLeaf.Of(SeccompAction.KillProcess);
        var segments = new List<NrSegment>();
        if (auditArch == SyscallTable.AuditArch(SeccompArch.X86_64))
        {
            var x86_64 = tables.FirstOrDefault(t => t.Arch == SeccompArch.X86_64);
            var x32 = tables.FirstOrDefault(t => t.Arch == SeccompArch.X32);
            AddDomain(segments, x86_64, 0, SeccompRet.X32SyscallBit - 1, kill, weighted: true);
            if (x32 is null && x86_64 is not null)
            {
                // nr -1 is how a tracer skips a syscall (the kernel re-runs seccomp after
                // ptrace's syscall-entry stop); like libseccomp, do not kill for it: it is
                // an unknown number of the x86_64 ABI.
                Append(segments, new NrSegment(SeccompRet.X32SyscallBit, uint.MaxValue - 1, kill, 0));
                Append(segments, new NrSegment(uint.MaxValue, uint.MaxValue, NrLeaf.Of(x86_64.UnknownAction), 0));
            }
            else
            {
                AddDomain(segments, x32, SeccompRet.X32SyscallBit, uint.MaxValue, kill, weighted: false);
            }
        }
        else
        {
            AddDomain(segments, tables.Single(), 0, uint.MaxValue, kill, weighted: true);
        }
        return WithWeightAtLeastOne(segments);
    }

    private static void AddDomain(List<NrSegment> segments, ArchRuleTable? table, uint lo, uint hi, NrLeaf absent, bool weighted)
    {
        if (table is null)
        {
            Append(segments, new NrSegment(lo, hi, absent, 0));
            return;
        }
        var unknown = NrLeaf.Of(table.UnknownAction);
        var listedNowhere = NrLeaf.Of(table.DefaultAction);
        // Numbers resolved from one rule share its rule list, so one leaf serves them all.
        var leaves = new Dictionary<ImmutableArray<SyscallRule>, NrLeaf>();
        var numbers = SortedNumbers(table);
        // A known number weighs 1, a run of unknown numbers as many as it has, at most
        // UnknownMargin; 0 when unweighted. Segments merge as they are appended; every merged one is
        // then raised to at least 1.
        long Weight(uint from, uint to, bool known) =>
            !weighted ? 0 : known ? 1 : Math.Min((long)to - from + 1, UnknownMargin);
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
                Append(segments, new NrSegment(next, nr - 1, unknown, Weight(next, nr - 1, known: false)));
            var leaf = listedNowhere;
            if (table.Rules.TryGetValue(unchecked((int)nr), out var rules) && !leaves.TryGetValue(rules, out leaf))
                leaves[rules] = leaf = Simplify(rules, table.DefaultAction);
            Append(segments, new NrSegment(nr, nr, leaf, Weight(nr, nr, known: true)));
            if (nr == hi)
                return;
            next = nr + 1;
        }
        Append(segments, new NrSegment(next, hi, unknown, Weight(next, hi, known: false)));
    }

    /// <summary>
    /// Known numbers of the table's arch and numbers with rules, ascending, without duplicates. The known
    /// numbers come sorted from <see cref="SyscallTable"/>; rule numbers are nearly always among them (the
    /// resolver takes them from that table), so only the others, if any, are sorted in.
    /// </summary>
    private static ImmutableArray<uint> SortedNumbers(ArchRuleTable table)
    {
        var known = SyscallTable.UnsignedNumbers(table.Arch);
        List<uint>? others = null;
        foreach (var n in table.Rules.Keys)
        {
            if (!SyscallTable.IsKnown(table.Arch, n))
                (others ??= []).Add(unchecked((uint)n));
        }
        if (others is null)
            return known;
        others.Sort();
        var all = ImmutableArray.CreateBuilder<uint>(known.Length + others.Count);
        int a = 0, b = 0;
        while (a < known.Length || b < others.Count)
        {
            // The two lists share no number: IsKnown put each rule number in exactly one of them.
            if (b == others.Count || (a < known.Length && known[a] < others[b]))
                all.Add(known[a++]);
            else
                all.Add(others[b++]);
        }
        return all.MoveToImmutable();
    }

    /// <summary>
    /// Drops rules that can never decide: everything after the first unconditional rule (which
    /// becomes the fall-through) and trailing rules whose action equals the fall-through.
    /// An empty chain is a constant leaf.
    /// </summary>
    internal static NrLeaf Simplify(ImmutableArray<SyscallRule> rules, SeccompAction defaultAction)
    {
        var chain = rules.IsDefault ? [] : rules;
        if (chain.IsEmpty)
            return NrLeaf.Of(defaultAction);
        if (chain[0].IsUnconditional)
            return NrLeaf.Of(chain[0].Action); // the common case: a plain allow/deny entry
        var fallthrough = defaultAction;
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

    /// <summary>
    /// Adds a segment, merged into the last one when both return the same constant (so the list never holds
    /// the unmerged run of one segment per syscall number).
    /// </summary>
    private static void Append(List<NrSegment> segments, NrSegment s)
    {
        if (segments.Count > 0)
        {
            ref var last = ref CollectionsMarshal.AsSpan(segments)[^1];
            if (last.Leaf.IsConstant && s.Leaf.IsConstant && last.Leaf.Constant == s.Leaf.Constant)
            {
                last = last with { Hi = s.Hi, Weight = last.Weight + s.Weight };
                return;
            }
        }
        segments.Add(s);
    }

    private static ImmutableArray<NrSegment> WithWeightAtLeastOne(List<NrSegment> merged)
    {
        var result = ImmutableArray.CreateBuilder<NrSegment>(merged.Count);
        foreach (var s in merged)
            result.Add(s with { Weight = Math.Max(1, s.Weight) });
        return result.MoveToImmutable();
    }
}
