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

    private readonly ImmutableArray<NrSegment> segments;
    private readonly long[] prefix;
    private readonly int[]? roots;

    private SearchTreePlan(ImmutableArray<NrSegment> segments, long[] prefix, int[]? roots)
    {
        this.segments = segments;
        this.prefix = prefix;
        this.roots = roots;
    }

    public static SearchTreePlan Create(ImmutableArray<NrSegment> segments)
    {
        var n = segments.Length;
        var prefix = new long[n + 1];
        for (var i = 0; i < n; i++)
            prefix[i + 1] = prefix[i] + segments[i].Weight;
        return new SearchTreePlan(segments, prefix, n <= MaxOptimalSegments ? OptimalRoots(prefix, n) : null);
    }

    /// <summary>The first segment of the upper half when searching segments[first..last] (first &lt; last).</summary>
    public int Split(int first, int last) => roots is not null ? roots[first * segments.Length + last] : GreedySplit(first, last);

    private static int[] OptimalRoots(long[] prefix, int n)
    {
        // cost[i,j]: least sum of weight × compares to reach each of segments i..j.
        var cost = new long[n * n];
        var root = new int[n * n];
        for (var i = 0; i < n; i++)
            root[i * n + i] = i;
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
        return root;
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
