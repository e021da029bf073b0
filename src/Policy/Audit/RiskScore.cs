using System.Collections.Immutable;

namespace Hctr.Policy.Audit;

/// <summary>
/// A profile's risk: the sum of the weights of its unsuppressed findings (each rule counted at most three
/// times) plus 5 per widening relative to <c>--since</c>, with the reasons that make it up.
/// Grades: A under 10, B under 30, C under 60, D under 100, F otherwise.
/// </summary>
public sealed record RiskScore(int Score, string Grade, ImmutableArray<(int Points, string Reason)> Reasons)
{
    public const int WideningWeight = 5;

    public static RiskScore Of(LintReport lint, IReadOnlyCollection<DiffEntry> widenings)
    {
        if (!lint.Load.Succeeded)
        {
            return new RiskScore(100, "F", [(100, "the profile does not load")]);
        }

        var reasons = new List<(int, string)>();
        foreach (var g in lint.Active.GroupBy(f => f.Rule))
        {
            foreach (var f in g.Take(3))
            {
                reasons.Add((g.Key.Weight, $"{g.Key.Id} {f.Message} ({f.Location})"));
            }
        }

        reasons.AddRange(widenings.Where(w => w.Kind == ChangeKind.Widen).Select(w => (WideningWeight, $"widens: {w.Section}: {w.Message}")));
        var score = reasons.Sum(r => r.Item1);
        var grade = score switch { < 10 => "A", < 30 => "B", < 60 => "C", < 100 => "D", _ => "F" };
        return new RiskScore(score, grade, [.. reasons.OrderByDescending(r => r.Item1)]);
    }
}
