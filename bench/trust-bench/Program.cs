using System.Diagnostics;
using System.Text;
using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.TrustBench;

// Verification time for a repository with 10,000 targets in 256 succinct hash bins, cold and warm.
// Usage: dotnet run -c Release --project bench/trust-bench [targets] [bit_length]
int targetCount = args.Length > 0 ? int.Parse(args[0]) : 10_000;
int bitLength = args.Length > 1 ? int.Parse(args[1]) : 8;
var now = DateTimeOffset.UtcNow;
var root = SigningKey.Generate(KeyAlgorithm.Ed25519);
var online = SigningKey.Generate(KeyAlgorithm.Ed25519);
var targetsKey = SigningKey.Generate(Environment.GetEnvironmentVariable("BENCH_TARGETS_KEY") == "ed25519" ? KeyAlgorithm.Ed25519 : KeyAlgorithm.EcdsaP256);
var binKey = SigningKey.Generate(KeyAlgorithm.Ed25519);
var repo = new MemoryRepository();
var build = Stopwatch.StartNew();

var keys = new Dictionary<string, PublicKey> { [root.KeyId] = root.Public, [online.KeyId] = online.Public, [targetsKey.KeyId] = targetsKey.Public };
var roles = new Dictionary<string, RoleKeys>
{
    [RoleNames.Root] = new([root.KeyId], 1), [RoleNames.Timestamp] = new([online.KeyId], 1),
    [RoleNames.Snapshot] = new([online.KeyId], 1), [RoleNames.Targets] = new([targetsKey.KeyId], 1),
};
byte[] rootBytes = MetadataSigner.Sign(MetadataDocuments.Root(1, now.AddDays(365), keys, roles, true), [root]);
repo.Files["1.root.json"] = rootBytes;

var succinct = new SuccinctRoles(new RoleKeys([binKey.KeyId], 1), bitLength, "bins");
var bins = new Dictionary<string, List<TargetFile>>();
var names = new List<string>(targetCount);
for (int i = 0; i < targetCount; i++)
{
    string name = $"registry.example/team{i % 50}/app{i}:v1";
    names.Add(name);
    var target = TargetFile.ForBytes(name, Encoding.UTF8.GetBytes($"{{\"manifest\":{i}}}"));
    string bin = succinct.RoleForTarget(name);
    if (!bins.TryGetValue(bin, out var list)) bins[bin] = list = [];
    list.Add(target);
}
var meta = new Dictionary<string, MetaFile>();
var delegations = Delegations.CreateSuccinct(new Dictionary<string, PublicKey> { [binKey.KeyId] = binKey.Public }, succinct);
byte[] topTargets = MetadataSigner.Sign(MetadataDocuments.Targets(1, now.AddDays(90), [], delegations), [targetsKey]);
repo.Files["1.targets.json"] = topTargets;
meta["targets.json"] = MetadataDocuments.MetaFor(1, topTargets);
for (int b = 0; b < succinct.BinCount; b++)
{
    string bin = succinct.BinName(b);
    byte[] bytes = MetadataSigner.Sign(MetadataDocuments.Targets(1, now.AddDays(90), bins.GetValueOrDefault(bin) ?? [], null), [binKey]);
    repo.Files[$"1.{bin}.json"] = bytes;
    meta[$"{bin}.json"] = MetadataDocuments.MetaFor(1, bytes);
}
byte[] snapshot = MetadataSigner.Sign(MetadataDocuments.Snapshot(1, now.AddDays(7), meta), [online]);
repo.Files["1.snapshot.json"] = snapshot;
repo.Files["timestamp.json"] = MetadataSigner.Sign(MetadataDocuments.Timestamp(1, now.AddDays(1), MetadataDocuments.MetaFor(1, snapshot)), [online]);
build.Stop();
Console.WriteLine($"repository: {targetCount} targets, {succinct.BinCount} bins, snapshot {snapshot.Length} bytes, built and signed in {build.Elapsed.TotalMilliseconds:F0} ms");

var url = new Uri("http://bench.invalid/");
async Task<(double Ms, MemoryStore Store)> Resolve(MemoryStore? store, IReadOnlyList<string> lookups)
{
    store ??= new MemoryStore();
    store.Files.TryAdd("root.json", rootBytes);
    var sw = Stopwatch.StartNew();
    var updater = new Updater(store, repo, url, TimeProvider.System);
    await updater.RefreshAsync();
    foreach (string name in lookups)
        if (await updater.GetTargetInfoAsync(name) is null) throw new InvalidOperationException($"{name} not found");
    return (sw.Elapsed.TotalMilliseconds, store);
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

const int runs = 15;
await Resolve(null, [names[0]]); // JIT warm-up
var cold = new List<double>();
var warm = new List<double>();
var coldAll = new List<double>();
var warmAll = new List<double>();
for (int r = 0; r < runs; r++)
{
    string name = names[Random.Shared.Next(names.Count)];
    var (c, store) = await Resolve(null, [name]);
    cold.Add(c);
    warm.Add((await Resolve(store, [name])).Ms);
}
for (int r = 0; r < 3; r++)
{
    var (c, store) = await Resolve(null, names);
    coldAll.Add(c);
    warmAll.Add((await Resolve(store, names)).Ms);
}
Console.WriteLine($"one target, cold (fetch+verify timestamp, snapshot, targets, 1 bin): median {Median(cold):F1} ms over {runs} runs");
Console.WriteLine($"one target, warm (local metadata, remote timestamp unchanged):    median {Median(warm):F1} ms over {runs} runs");
Console.WriteLine($"all {targetCount} targets, cold (all {succinct.BinCount} bins verified):              median {Median(coldAll):F0} ms over 3 runs");
Console.WriteLine($"all {targetCount} targets, warm:                                       median {Median(warmAll):F0} ms over 3 runs");
