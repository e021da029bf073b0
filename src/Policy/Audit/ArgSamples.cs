using System.Collections.Immutable;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Audit;

/// <summary>
/// Argument vectors that reach every outcome a chain of rules can produce. For eq/ne/lt/le/gt/ge the kernel
/// compares against constants, so each region between constants is represented by a constant and its
/// neighbours; masked-eq is represented by its value and the value with each single mask bit flipped.
/// Extra values (e.g. namespace flag bits) can be OR-ed into one argument. Samples stay under a cap; when
/// the product would exceed it, <see cref="TryBuild"/> returns false and callers fail closed.
/// </summary>
internal static class ArgSamples
{
    public const int MaxSamples = 16384;

    public static bool TryBuild(IEnumerable<SyscallRule> rules, SeccompArch arch, out List<ulong[]> samples,
        int extraIndex = -1, IReadOnlyList<ulong>? extraBits = null)
    {
        var perIndex = new SortedSet<ulong>?[6];
        foreach (var c in rules.SelectMany(r => r.Conditions.IsDefault ? [] : r.Conditions))
        {
            var set = perIndex[c.Index] ??= [0UL, ulong.MaxValue];
            set.Add(c.Value);
            set.Add(unchecked(c.Value - 1));
            set.Add(unchecked(c.Value + 1));
            if (c.Op == ArgOp.MaskedEq)
            {
                for (var bit = 0; bit < 64; bit++)
                {
                    if ((c.Mask & (1UL << bit)) != 0)
                    {
                        set.Add(c.Value ^ (1UL << bit));
                    }
                }
            }
        }

        if (extraIndex >= 0 && extraBits is not null)
        {
            var set = perIndex[extraIndex] ??= [0UL];
            foreach (var v in set.ToList())
            {
                foreach (var b in extraBits)
                {
                    set.Add(v | b);
                }
            }
        }

        var narrow = arch is SeccompArch.X86 or SeccompArch.Arm;
        var lists = perIndex.Select(s => s is null ? [0UL] : s.Select(v => narrow ? v & 0xFFFF_FFFFUL : v).Distinct().ToArray()).ToArray();
        long count = 1;
        foreach (var l in lists)
        {
            count *= l.Length;
            if (count > MaxSamples)
            {
                samples = [];
                return false;
            }
        }

        samples = [];
        Expand(lists, 0, new ulong[6], samples);
        return true;
    }

    /// <summary>The first rule whose conditions all hold decides; otherwise the fallback.</summary>
    public static SeccompAction Decide(ImmutableArray<SyscallRule> chain, SeccompAction fallback, ulong[] args)
    {
        foreach (var r in chain)
        {
            if (r.IsUnconditional || r.Conditions.All(c => c.Holds(args[c.Index])))
            {
                return r.Action;
            }
        }

        return fallback;
    }

    private static void Expand(ulong[][] lists, int i, ulong[] cur, List<ulong[]> into)
    {
        if (i == lists.Length)
        {
            into.Add((ulong[])cur.Clone());
            return;
        }

        foreach (var v in lists[i])
        {
            cur[i] = v;
            Expand(lists, i + 1, cur, into);
        }
    }
}
