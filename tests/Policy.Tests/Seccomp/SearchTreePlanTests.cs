using System.Collections.Immutable;
using CsCheck;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SearchTreePlanTests
{
    private static ImmutableArray<NrSegment> Segments(long[] weights) =>
        [.. weights.Select((w, i) => new NrSegment((uint)i, (uint)i, NrLeaf.Of(SeccompAction.Allow), w))];

    private static long PlanCost(SearchTreePlan plan, long[] w, int first, int last, int depth = 0)
    {
        if (first == last)
            return w[first] * depth;
        var k = plan.Split(first, last);
        Assert.InRange(k, first + 1, last);
        return PlanCost(plan, w, first, k - 1, depth + 1) + PlanCost(plan, w, k, last, depth + 1);
    }

    private static long BruteForce(long[] w, int first, int last, Dictionary<(int, int), long> memo)
    {
        if (first == last)
            return 0;
        if (memo.TryGetValue((first, last), out var known))
            return known;
        var sum = w[first..(last + 1)].Sum();
        var best = long.MaxValue;
        for (var k = first + 1; k <= last; k++)
            best = Math.Min(best, BruteForce(w, first, k - 1, memo) + BruteForce(w, k, last, memo));
        return memo[(first, last)] = best + sum;
    }

    [Fact]
    public void Plan_IsOptimal_ForSmallInputs() =>
        Gen.Long[1, 100].Array[1, 40].Sample(w =>
        {
            var plan = SearchTreePlan.Create(Segments(w));
            Assert.Equal(BruteForce(w, 0, w.Length - 1, []), PlanCost(plan, w, 0, w.Length - 1));
        }, iter: 200);

    [Fact]
    public void HeavySegment_SitsNearTheRoot()
    {
        long[] w = [1, 1, 1, 1, 1, 1, 1, 1000];
        var plan = SearchTreePlan.Create(Segments(w));
        Assert.Equal(7, plan.Split(0, 7));
    }

    [Fact]
    public void LargeInputs_UseAGreedySplit_ThatStaysInRange()
    {
        var w = Enumerable.Range(0, SearchTreePlan.MaxOptimalSegments + 50).Select(i => (long)(i % 7 + 1)).ToArray();
        var plan = SearchTreePlan.Create(Segments(w));
        var cost = PlanCost(plan, w, 0, w.Length - 1);
        Assert.True(cost <= w.Sum() * 11, $"cost {cost}"); // about log2(650) ≈ 9.3 compares on average
    }
}
