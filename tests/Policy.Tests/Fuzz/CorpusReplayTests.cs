using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Targets;
using Xunit;

namespace Hctr.Policy.Tests.Fuzz;

/// <summary>
/// CI's share of fuzzing: every seed of every fuzz target (tests/fuzz/corpus/&lt;target&gt;/ plus the
/// shipped profiles and golden plans) through the same target code as <c>dotnet run --project tests/fuzz</c>,
/// and a short deterministic exploration burst per target. Only diagnostics or declared exceptions.
/// </summary>
[Trait("Category", "Unit")]
public class CorpusReplayTests
{
    /// <summary>Iterations per target, sized so the bursts together take a few seconds.</summary>
    private static readonly Dictionary<string, int> BurstIterations = new()
    {
        ["parser"] = 150, ["compiler"] = 20, ["plan-json"] = 200, ["plan-wire"] = 2000, ["bpf"] = 400,
    };

    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var t in FuzzTargets.All)
        {
            data.Add(t.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_input_ends_in_diagnostics_or_a_declared_exception(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var seeds = Corpus.Load(RepoPaths.Root, target);
        Assert.NotEmpty(seeds);
        var findings = seeds
            .Select(s => (s.Name, s.Bytes, Outcome: FuzzExecutor.Run(target, s.Bytes, FuzzExecutor.DefaultTimeout)))
            .Where(r => r.Outcome.IsFinding)
            .Select(r => Finding.Describe(target, r.Name, r.Bytes, r.Outcome))
            .ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_short_deterministic_burst_finds_nothing(string name)
    {
        var output = new StringWriter();
        var options = new FuzzOptions { Iterations = BurstIterations[name], Duration = TimeSpan.FromMinutes(5), Seed = 20261128 };
        Assert.True(FuzzLoop.Explore(FuzzTargets.Find(name)!, RepoPaths.Root, options, output) == 0, output.ToString());
    }

    [Fact]
    public void Every_target_has_a_checked_in_corpus()
    {
        foreach (var target in FuzzTargets.All)
        {
            Assert.True(Directory.EnumerateFiles(Corpus.Directory(RepoPaths.Root, target)).Any(), $"tests/fuzz/corpus/{target.Name}/ is empty");
        }
    }
}
