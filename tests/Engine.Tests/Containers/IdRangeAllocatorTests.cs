using Hctr.Engine.Containers;
using Xunit;

namespace Hctr.Engine.Tests.Containers;

[Trait("Category", "Unit")]
public sealed class IdRangeAllocatorTests : IDisposable
{
    private const uint Base = IdRangeAllocator.FirstHostId;
    private const uint Slot = IdRangeAllocator.SlotSize;
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-ids-").FullName;

    private string Subuid => Path.Combine(_root, "subuid");

    private string Subgid => Path.Combine(_root, "subgid");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Live_containers_get_disjoint_ranges()
    {
        var a = Allocator();
        Directory.CreateDirectory(Path.Combine(_root, "one"));
        Directory.CreateDirectory(Path.Combine(_root, "two"));
        var first = a.Claim("one", 65536);
        var second = a.Claim("two", 65536);
        Assert.Equal(Base, first);
        Assert.Equal(first + Slot, second);
    }

    [Fact]
    public void Large_ranges_take_consecutive_slots()
    {
        var a = Allocator();
        var big = a.Claim("big", 3 * 65536);
        var next = a.Claim("next", 1);
        Assert.Equal(big + (3 * Slot), next);
    }

    [Fact]
    public void Released_slots_are_reused()
    {
        var a = Allocator();
        var first = a.Claim("one", 65536);
        a.Release("one");
        Assert.Equal(first, a.Claim("two", 65536));
    }

    [Fact]
    public void A_fresh_claim_is_not_stolen_even_without_a_state_directory()
    {
        var a = Allocator();
        var first = a.Claim("launching", 65536);
        Assert.NotEqual(first, a.Claim("other", 65536));
    }

    [Fact]
    public void Missing_subordinate_id_files_delegate_nothing() =>
        Assert.Equal(Base, Allocator().Claim("one", 65536));

    [Fact]
    public void Slots_overlapping_a_subuid_or_subgid_delegation_are_skipped()
    {
        // Debian's useradd hands out 65536 ids per user from 100000: the 14th user reaches past 1,000,000.
        File.WriteAllText(Subuid, "# delegated\n\nuser14:951936:65536\n");
        File.WriteAllText(Subgid, $"group:{Base + Slot + 10}:1\n");
        var first = Allocator().Claim("one", 65536);
        Assert.Equal(Base + (2 * Slot), first);
        Assert.Empty(Overlapping(first, Slot, (951936, 65536), (Base + Slot + 10, 1)));
    }

    [Fact]
    public void A_multi_slot_range_does_not_straddle_a_delegation()
    {
        File.WriteAllText(Subuid, $"alice:{Base + (2 * Slot)}:100\n");
        Assert.Equal(Base + (3 * Slot), Allocator().Claim("big", 3 * Slot));
    }

    [Fact]
    public void A_delegation_covering_everything_is_refused_with_a_clear_error()
    {
        File.WriteAllText(Subuid, $"everyone:{Base}:{uint.MaxValue - Base}\n");
        var e = Assert.Throws<IdRangeException>(() => Allocator().Claim("one", 65536));
        Assert.Contains(Subuid, e.Message);
        Assert.Contains(IdRangeAllocator.BaseVariable, e.Hint);
        Assert.Empty(ClaimFiles());
    }

    [Fact]
    public void An_unreadable_line_fails_closed_naming_file_and_line()
    {
        File.WriteAllText(Subgid, "ok:100000:65536\nbroken line\n");
        var e = Assert.Throws<IdRangeException>(() => Allocator().Claim("one", 65536));
        Assert.StartsWith($"{Subgid}:2: 'broken line' is not NAME:START:COUNT", e.Message);
        Assert.Empty(ClaimFiles());
    }

    [Fact]
    public void The_base_comes_from_the_setting_and_bad_values_are_refused()
    {
        Assert.Equal(Base, IdRangeAllocator.ForHost(_root, null).Claim("default", 1));
        Assert.Equal(2_000_000u, IdRangeAllocator.ForHost(_root, "2000000").Claim("moved", 1));
        foreach (string bad in (string[])["abc", "-5", "1000", "4294967295", " 2000000"])
        {
            Assert.Throws<IdRangeException>(() => IdRangeAllocator.ForHost(_root, bad));
        }
    }

    [Fact]
    public void Runs_with_different_bases_never_overlap()
    {
        var first = Allocator().Claim("one", Slot);
        var shifted = new IdRangeAllocator(_root, Base + (Slot / 2), Subuid, Subgid).Claim("two", Slot);
        Assert.Equal(Base + (Slot / 2) + Slot, shifted);
        Assert.True(shifted >= first + Slot);
    }

    [Fact]
    public void The_top_of_the_id_space_is_never_passed()
    {
        var top = new IdRangeAllocator(_root, uint.MaxValue - Slot, Subuid, Subgid);
        Assert.Equal(uint.MaxValue - Slot, top.Claim("last", 1));
        Assert.Throws<IdRangeException>(() => top.Claim("none", 1)); // uid_t -1 is not an id
    }

    [Fact]
    public void A_run_under_a_name_in_use_releases_only_its_own_claim()
    {
        // hctr A runs container "web"; hctr B is started with --name web too, claims, fails (the name is in use)
        // and releases as it ends: A's range must stay claimed, or a third container would get the same host ids.
        Directory.CreateDirectory(Path.Combine(_root, "web"));
        var runningHctr = new IdRangeAllocator(_root, Base, Subuid, Subgid, claimantPid: 1111);
        var secondHctr = new IdRangeAllocator(_root, Base, Subuid, Subgid, claimantPid: 2222);
        var running = runningHctr.Claim("web", Slot);
        var second = secondHctr.Claim("web", Slot);
        Assert.NotEqual(running, second);

        secondHctr.Release("web");
        Assert.Single(ClaimFiles());
        Assert.NotEqual(running, Allocator().Claim("third", Slot));

        runningHctr.Release("web");
        Assert.Single(ClaimFiles()); // only "third" is left
    }

    [Fact]
    public void A_claim_without_a_pid_line_goes_stale_like_any_other()
    {
        // Written before claims named their claimant: no one releases it, but it goes stale with its container.
        var dir = Directory.CreateDirectory(Path.Combine(_root, "idranges")).FullName;
        var old = Path.Combine(dir, Base.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(old, "gone");
        Assert.Equal(Base + Slot, Allocator().Claim("one", Slot)); // fresh: still held
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal(Base, Allocator().Claim("two", Slot));
    }

    private IdRangeAllocator Allocator() => new(_root, Base, Subuid, Subgid);

    private string[] ClaimFiles() =>
        Directory.Exists(Path.Combine(_root, "idranges"))
            ? [.. Directory.GetFiles(Path.Combine(_root, "idranges")).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))]
            : [];

    private static IEnumerable<(ulong, ulong)> Overlapping(ulong start, ulong length, params (ulong Start, ulong Count)[] ranges) =>
        ranges.Where(r => start < r.Start + r.Count && r.Start < start + length).Select(r => (r.Start, r.Count));
}
