using System.Diagnostics;

namespace Hctr.Fuzz.Engine;

/// <summary>
/// Replay and exploration. Replay runs every seed once. Exploration picks a seed from the pool,
/// mutates it (deterministically for a given seed number), runs it with the per-input timeout, and
/// keeps it in the pool when it shows a behaviour signature not seen before. The first finding
/// stops the run.
/// </summary>
internal static class FuzzLoop
{
    private const int MaxPool = 4096;

    public static int Replay(FuzzTarget target, string repoRoot, TimeSpan timeout, TextWriter output)
    {
        var seeds = Corpus.Load(repoRoot, target);
        var findings = 0;
        foreach (var (name, bytes) in seeds)
        {
            var outcome = FuzzExecutor.Run(target, bytes, timeout);
            if (outcome.IsFinding)
            {
                findings++;
                output.Write(Finding.Describe(target, name, bytes, outcome));
                if (outcome.Kind == FuzzOutcomeKind.Hang)
                {
                    break; // the hung thread keeps running; stop here
                }
            }
        }

        output.WriteLine($"replay {target.Name}: {seeds.Count} inputs, {findings} findings");
        return findings;
    }

    public static int Explore(FuzzTarget target, string repoRoot, FuzzOptions options, TextWriter output)
    {
        var seeds = Corpus.Load(repoRoot, target);
        if (Replay(target, repoRoot, options.InputTimeout, output) > 0)
        {
            return 1;
        }

        var random = new Random(options.Seed);
        var pool = seeds.Select(s => s.Bytes).ToList();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<FuzzOutcomeKind, long>();
        var byPrefix = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long n = 0;
        for (; n < options.Iterations && clock.Elapsed < options.Duration; n++)
        {
            var input = target.Mutate(pool[random.Next(pool.Count)], random, pool);
            var inFlight = Save(options.FindingsDirectory, $"{target.Name}-in-flight.bin", input);
            var outcome = FuzzExecutor.Run(target, input, options.InputTimeout);
            if (outcome.IsFinding)
            {
                var report = Finding.Describe(target, $"iteration {n} (seed {options.Seed})", input, outcome);
                output.Write(report);
                Save(options.FindingsDirectory, $"{target.Name}-{outcome.Kind.ToString().ToLowerInvariant()}-{options.Seed}-{n}.txt", System.Text.Encoding.UTF8.GetBytes(report));
                return 1;
            }

            counts[outcome.Kind] = counts.GetValueOrDefault(outcome.Kind) + 1;
            var prefix = outcome.Signature.Split(':')[0];
            byPrefix[prefix] = byPrefix.GetValueOrDefault(prefix) + 1;
            if (signatures.Add(outcome.Signature) && pool.Count < MaxPool)
            {
                pool.Add(input);
            }

            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                output.WriteLine($"  {target.Name}: {n + 1} inputs, {clock.Elapsed.TotalSeconds:0} s, {signatures.Count} signatures, pool {pool.Count}");
            }

            if (inFlight is not null)
            {
                File.Delete(inFlight);
            }
        }

        output.WriteLine(
            $"fuzz {target.Name}: {n} inputs in {clock.Elapsed.TotalSeconds:0.0} s ({n / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s), " +
            $"ok {counts.GetValueOrDefault(FuzzOutcomeKind.Ok)}, declared exceptions {counts.GetValueOrDefault(FuzzOutcomeKind.Declared)}, " +
            $"{signatures.Count} distinct signatures, pool {pool.Count}, no findings");
        output.WriteLine("  outcomes: " + string.Join(", ", byPrefix.Select(p => $"{p.Key} {p.Value}")));
        return 0;
    }

    private static string? Save(string? directory, string name, byte[] bytes)
    {
        if (directory is null)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
