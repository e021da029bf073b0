using System.Buffers;
using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Chooses the splits of the binary search over number segments. For up to
/// <see cref="MaxOptimalSegments"/> segments it builds the optimal alphabetic tree: the one
/// with the least total weight × depth (expected compares per syscall), by dynamic
/// programming with Knuth's monotone-root bound, O(n²). Larger inputs use a greedy split that
/// balances weight on both sides. Ties go to the lowest split, so plans are deterministic.
/// </summary>
internal sealed class SearchTreePlan
{
    public const int MaxOptimalSegments = 600;

    private readonly long[] prefix;
    private readonly Dictionary<long, int>? splits;

    private SearchTreePlan(long[] prefix, Dictionary<long, int>? splits)
    {
        this.prefix = prefix;
        this.splits = splits;
    }

    public static SearchTreePlan Create(ImmutableArray<NrSegment> segments)
    {
        var n = segments.Length;
        var prefix = new long[n + 1];
        for (var i = 0; i < n; i++)
            prefix[i + 1] = prefix[i] + segments[i].Weight;
        return new SearchTreePlan(prefix, n is > 1 and <= MaxOptimalSegments ? OptimalSplits(prefix, n) : null);
    }

    /// <summary>The first segment of the upper half when searching segments[first..last] (first &lt; last).</summary>
    public int Split(int first, int last) =>
        splits is not null && splits.TryGetValue(Key(first, last), out var k) ? k : GreedySplit(first, last);

    /// <summary>One 64-bit key per interval: a long hashes faster than a tuple.</summary>
    private static long Key(int first, int last) => ((long)first << 32) | (uint)last;

    private static Dictionary<long, int> OptimalSplits(long[] prefix, int n)
    {
        // cost[i*n+j]: least sum of weight × compares to reach each of segments i..j; root: its
        // split. Rented (not zeroed): every cell is written before it is read.
        var cost = ArrayPool<long>.Shared.Rent(n * n);
        var root = ArrayPool<int>.Shared.Rent(n * n);
        try
        {
            for (var i = 0; i < n; i++)
                (cost[i * n + i], root[i * n + i]) = (0, i);
            for (var length = 2; length <= n; length++)
            {
                for (var i = 0; i + length - 1 < n; i++)
                {
                    var j = i + length - 1;
                    var lo = Math.Max(i + 1, root[i * n + j - 1]);
                    var hi = Math.Min(j, root[(i + 1) * n + j]);
                    if (lo > hi)
                        (lo, hi) = (i + 1, j);
                    var best = long.MaxValue;
                    var bestK = lo;
                    for (var k = lo; k <= hi; k++)
                    {
                        var c = cost[i * n + k - 1] + cost[k * n + j];
                        if (c < best)
                            (best, bestK) = (c, k);
                    }
                    cost[i * n + j] = best + prefix[j + 1] - prefix[i];
                    root[i * n + j] = bestK;
                }
            }
            var splits = new Dictionary<long, int>(n);
            Collect(root, n, 0, n - 1, splits);
            return splits;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(cost);
            ArrayPool<int>.Shared.Return(root);
        }
    }

    private static void Collect(int[] root, int n, int first, int last, Dictionary<long, int> splits)
    {
        if (first == last)
            return;
        var k = root[first * n + last];
        splits[Key(first, last)] = k;
        Collect(root, n, first, k - 1, splits);
        Collect(root, n, k, last, splits);
    }

    private int GreedySplit(int first, int last)
    {
        var total = prefix[last + 1] - prefix[first];
        var best = first + 1;
        var bestGap = long.MaxValue;
        for (var k = first + 1; k <= last; k++)
        {
            var gap = Math.Abs(total - 2 * (prefix[k] - prefix[first]));
            if (gap < bestGap)
                (best, bestGap) = (k, gap);
        }
        return best;
    }
}
