using Hctr.Engine.Containers;
using Xunit;

namespace Hctr.Engine.Tests.Containers;

[Trait("Category", "Unit")]
public sealed class IdRangeAllocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-ids-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Live_containers_get_disjoint_ranges()
    {
        var a = new IdRangeAllocator(_root);
        Directory.CreateDirectory(Path.Combine(_root, "one"));
        Directory.CreateDirectory(Path.Combine(_root, "two"));
        var first = a.Claim("one", 65536);
        var second = a.Claim("two", 65536);
        Assert.Equal(IdRangeAllocator.FirstHostId, first);
        Assert.Equal(first + IdRangeAllocator.SlotSize, second);
    }

    [Fact]
    public void Large_ranges_take_consecutive_slots()
    {
        var a = new IdRangeAllocator(_root);
        var big = a.Claim("big", 3 * 65536);
        var next = a.Claim("next", 1);
        Assert.Equal(big + (3 * IdRangeAllocator.SlotSize), next);
    }

    [Fact]
    public void Released_slots_are_reused()
    {
        var a = new IdRangeAllocator(_root);
        var first = a.Claim("one", 65536);
        a.Release("one");
        Assert.Equal(first, a.Claim("two", 65536));
    }

    [Fact]
    public void A_fresh_claim_is_not_stolen_even_without_a_state_directory()
    {
        var a = new IdRangeAllocator(_root);
        var first = a.Claim("launching", 65536);
        Assert.NotEqual(first, a.Claim("other", 65536));
    }
}
