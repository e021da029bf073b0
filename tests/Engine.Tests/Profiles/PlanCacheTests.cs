using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Versioning;
using Hctr.Engine.Profiles;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Xunit;

namespace Hctr.Engine.Tests.Profiles;

[Trait("Category", "Unit")]
public sealed class PlanCacheTests : IDisposable
{
    private const string Base = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata:\n  name: base\nspec:\n  resources:\n    pids: 64\n";
    private const string Leaf = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata:\n  name: leaf\nextends: base.yaml\nspec:\n  resources:\n    pids: 32\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-plancache-").FullName;

    private string CacheDir => Path.Combine(_dir, "cache");

    private string LeafPath => Path.Combine(_dir, "leaf.yaml");

    public PlanCacheTests()
    {
        File.WriteAllText(Path.Combine(_dir, "base.yaml"), Base);
        File.WriteAllText(LeafPath, Leaf);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static LaunchRequest Request(string id = "c1") => new() { Argv = ["/bin/true"], ContainerId = id, RootfsPath = "/tmp/rootfs" };

    private PlanCompileResult Cached(LaunchRequest request, Func<uint, uint>? allocate = null) =>
        new PlanCache(CacheDir).Compile(LeafPath, request, HostFacts.Reference, allocate);

    /// <summary>What an uncached compile gives for the same request: the reference for every hit.</summary>
    private byte[] Fresh(LaunchRequest request, Func<uint, uint>? allocate = null)
    {
        var (plan, diagnostics) = ProfileFiles.Compile(LeafPath, request, HostFacts.Reference, allocate);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return PlanJson.Serialize(plan!);
    }

    [Fact]
    public void A_second_compile_is_served_from_the_cache_and_equals_a_fresh_compile()
    {
        var first = Cached(Request());
        var second = Cached(Request());
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(Fresh(Request()), PlanJson.Serialize(first.Plan!));
        Assert.Equal(Fresh(Request()), PlanJson.Serialize(second.Plan!));
    }

    [Fact]
    public void Another_container_id_is_a_hit_bound_to_that_id()
    {
        Cached(Request("first"));
        var other = Cached(Request("second"));
        Assert.True(other.FromCache);
        Assert.Equal("hctr-second", other.Plan!.Cgroup.Name);
        Assert.Equal(Fresh(Request("second")), PlanJson.Serialize(other.Plan));
    }

    [Fact]
    public void Another_rootfs_is_a_hit_bound_to_that_path()
    {
        Cached(Request());
        var other = Cached(Request() with { RootfsPath = "/run/hctr/c2/rootfs" });
        Assert.True(other.FromCache);
        Assert.Equal("/run/hctr/c2/rootfs", other.Plan!.Rootfs.Path);
        Assert.Equal(Fresh(Request() with { RootfsPath = "/run/hctr/c2/rootfs" }), PlanJson.Serialize(other.Plan));
    }

    [Fact]
    public void Editing_the_profile_or_its_parent_is_never_served_stale()
    {
        Cached(Request());
        File.WriteAllText(LeafPath, Leaf.Replace("pids: 32", "pids: 16", StringComparison.Ordinal));
        var afterLeaf = Cached(Request());
        Assert.False(afterLeaf.FromCache);
        Assert.Contains(afterLeaf.Plan!.Cgroup.Settings, s => s.File == "pids.max" && s.Value == "16");

        Assert.True(Cached(Request()).FromCache);
        // The parent is not part of the lookup key: the hit must notice it through the recorded dependencies.
        File.WriteAllText(Path.Combine(_dir, "base.yaml"), Base.Replace("name: base", "name: base2", StringComparison.Ordinal));
        var afterParent = Cached(Request());
        Assert.False(afterParent.FromCache);
        Assert.Equal(Fresh(Request()), PlanJson.Serialize(afterParent.Plan!));
    }

    [Fact]
    public void A_different_request_misses()
    {
        Cached(Request());
        var other = Cached(Request() with { Argv = ["/bin/false"] });
        Assert.False(other.FromCache);
        Assert.Equal(["/bin/false"], other.Plan!.Process.Argv);
    }

    [Fact]
    public void Every_request_field_but_the_id_the_rootfs_and_the_auto_range_is_part_of_the_key()
    {
        var baseline = Request();
        var variants = new Dictionary<string, LaunchRequest>
        {
            [nameof(LaunchRequest.Argv)] = baseline with { Argv = ["/bin/sh"] },
            [nameof(LaunchRequest.Env)] = baseline with { Env = ["A=1"] },
            [nameof(LaunchRequest.Cwd)] = baseline with { Cwd = "/tmp" },
            [nameof(LaunchRequest.Uid)] = baseline with { Uid = 1 },
            [nameof(LaunchRequest.Gid)] = baseline with { Gid = 1 },
            [nameof(LaunchRequest.AdditionalGids)] = baseline with { AdditionalGids = [5] },
            [nameof(LaunchRequest.Hostname)] = baseline with { Hostname = "h" },
            [nameof(LaunchRequest.Volumes)] = baseline with { Volumes = [new VolumeRequest("/a", "/b", default)] },
            [nameof(LaunchRequest.Network)] = baseline with { Network = NetworkMode.None },
            [nameof(LaunchRequest.Terminal)] = baseline with { Terminal = true },
            [nameof(LaunchRequest.Init)] = baseline with { Init = true },
        };
        var handledElsewhere = new[] { nameof(LaunchRequest.ContainerId), nameof(LaunchRequest.RootfsPath), nameof(LaunchRequest.AutoIdRangeStart) };
        var properties = typeof(LaunchRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
        // A new request field must be added to the key (and here), or the cache would serve a plan for another request.
        Assert.Equal(properties.Except(handledElsewhere).Order(), variants.Keys.Order());
        foreach (var (name, variant) in variants)
        {
            Assert.True(PlanCache.RequestKey(variant) != PlanCache.RequestKey(baseline), $"{name} does not change the key");
        }
    }

    [Fact]
    public void Auto_ranges_claim_once_and_each_start_gets_its_own_entry()
    {
        File.WriteAllText(LeafPath, Leaf.Replace("spec:\n", "spec:\n  userNamespace:\n    mode: auto\n", StringComparison.Ordinal));
        var claims = 0;
        uint next = 2_000_000;
        Func<uint, uint> allocate = _ => { claims++; return next; };
        var first = Cached(Request(), allocate);
        Assert.Equal(1, claims);
        Assert.Equal(2_000_000u, first.Plan!.IdMaps.Uid[0].HostId);

        next = 3_000_000;
        var other = Cached(Request(), allocate);
        Assert.Equal(2, claims);
        Assert.False(other.FromCache);
        Assert.Equal(3_000_000u, other.Plan!.IdMaps.Uid[0].HostId);

        var again = Cached(Request(), allocate);
        Assert.Equal(3, claims);
        Assert.True(again.FromCache);
        Assert.Equal(Fresh(Request(), _ => 3_000_000), PlanJson.Serialize(again.Plan!));
    }

    [Fact]
    public void Errors_are_never_cached()
    {
        File.WriteAllText(LeafPath, Leaf.Replace("pids: 32", "pidz: 32", StringComparison.Ordinal));
        var first = Cached(Request());
        var second = Cached(Request());
        Assert.True(first.HasErrors);
        Assert.True(second.HasErrors);
        Assert.False(second.FromCache);
        Assert.Contains(second.Messages, m => m.Contains("pidz", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_are_printed_again_on_a_hit()
    {
        var host = HostFacts.Reference with { AppArmorEnabled = false };
        var cache = new PlanCache(CacheDir);
        var first = cache.Compile(LeafPath, Request(), host, null);
        var second = cache.Compile(LeafPath, Request(), host, null);
        Assert.True(second.FromCache);
        Assert.NotEmpty(first.Messages);
        Assert.Equal(first.Messages, second.Messages);
    }

    [Fact]
    public void A_damaged_entry_is_a_miss_not_a_plan()
    {
        Cached(Request());
        foreach (var f in Directory.GetFiles(CacheDir, "*.plan"))
        {
            var bytes = File.ReadAllBytes(f);
            bytes[^10] ^= 0x20; // inside the plan: its length still matches and it would still decode (a string changed)
            File.WriteAllBytes(f, bytes);
        }

        // The entry's sha256 of the plan no longer matches: recompiled, not served.
        var after = Cached(Request());
        Assert.False(after.FromCache);
        Assert.Equal(Fresh(Request()), PlanJson.Serialize(after.Plan!));

        foreach (var f in Directory.GetFiles(CacheDir, "*.plan"))
        {
            File.WriteAllText(f, "hctr-plan-cache 2\nkey x\nplan 2\n{}");
        }

        var garbage = Cached(Request());
        Assert.False(garbage.FromCache);
        Assert.Equal(Fresh(Request()), PlanJson.Serialize(garbage.Plan!));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void A_directory_others_can_write_is_not_used()
    {
        Directory.CreateDirectory(CacheDir);
        File.SetUnixFileMode(CacheDir, (UnixFileMode)0b111_111_111);
        Cached(Request());
        var second = Cached(Request());
        Assert.False(second.FromCache);
        Assert.Empty(Directory.GetFiles(CacheDir));
    }

    [Fact]
    public void TryCached_serves_only_what_compile_stored_and_never_compiles()
    {
        var cache = new PlanCache(CacheDir);
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, null));
        Assert.False(Directory.Exists(CacheDir) && Directory.EnumerateFiles(CacheDir, "*.plan").Any(), "a lookup wrote an entry");

        var compiled = cache.Compile(LeafPath, Request(), HostFacts.Reference, null);
        var hit = cache.TryCached(LeafPath, Request("other"), HostFacts.Reference, null);
        Assert.NotNull(hit);
        Assert.True(hit.FromCache);
        Assert.Equal(compiled.Messages, hit.Messages);
        Assert.Equal(Fresh(Request("other")), PlanJson.Serialize(hit.Plan!));

        // The parent changes: the recorded dependency notices it, and the lookup does not recompile.
        File.WriteAllText(Path.Combine(_dir, "base.yaml"), Base.Replace("pids: 64", "pids: 63", StringComparison.Ordinal));
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, null));
        File.WriteAllText(LeafPath, Leaf.Replace("pids: 32", "pids: 31", StringComparison.Ordinal));
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, null));
        Assert.Single(Directory.GetFiles(CacheDir, "*.plan"));
    }

    [Fact]
    public void TryCached_on_an_invalid_or_missing_profile_is_null_not_diagnostics()
    {
        File.WriteAllText(LeafPath, Leaf.Replace("pids: 32", "pidz: 32", StringComparison.Ordinal));
        var cache = new PlanCache(CacheDir);
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, null));
        Assert.Null(cache.TryCached(Path.Combine(_dir, "missing.yaml"), Request(), HostFacts.Reference, null));
        Assert.True(cache.Compile(LeafPath, Request(), HostFacts.Reference, null).HasErrors);
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, null));
        Assert.Empty(Directory.GetFiles(CacheDir, "*.plan"));
    }

    [Fact]
    public void TryCached_claims_the_auto_range_its_entry_is_for_and_only_once()
    {
        File.WriteAllText(LeafPath, Leaf.Replace("spec:\n", "spec:\n  userNamespace:\n    mode: auto\n", StringComparison.Ordinal));
        var cache = new PlanCache(CacheDir);
        var claims = 0;
        Func<uint, uint> allocate = _ => { claims++; return 2_000_000; };
        // Before any compile the range size is unknown: nothing is claimed and nothing is served.
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, allocate));
        Assert.Equal(0, claims);

        cache.Compile(LeafPath, Request(), HostFacts.Reference, allocate);
        claims = 0;
        var hit = cache.TryCached(LeafPath, Request(), HostFacts.Reference, allocate);
        Assert.Equal(1, claims);
        Assert.Equal(2_000_000u, hit!.Plan!.IdMaps.Uid[0].HostId);

        // Another start has no entry yet: null, with the claim made (the caller releases it).
        Assert.Null(cache.TryCached(LeafPath, Request(), HostFacts.Reference, _ => { claims++; return 3_000_000; }));
        Assert.Equal(2, claims);
    }

    [Fact]
    public void The_entry_format_round_trips_and_refuses_a_wrong_key()
    {
        var entry = new PlanCacheEntry("k", [new PlanCacheDependency("/p a/b.yaml", new string('a', 64))], ["w: x"], [1, 2, 3]);
        var parsed = PlanCacheEntry.TryParse(entry.Serialize(), "k");
        Assert.NotNull(parsed);
        Assert.Equal(entry.Dependencies, parsed.Dependencies);
        Assert.Equal(entry.Messages, parsed.Messages);
        Assert.Equal(entry.Plan, parsed.Plan);
        Assert.Null(PlanCacheEntry.TryParse(entry.Serialize(), "other"));
        Assert.Null(PlanCacheEntry.TryParse(entry.Serialize()[..^1], "k"));
    }
}
