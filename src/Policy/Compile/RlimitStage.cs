using System.Collections.Frozen;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>Rlimits by short name to RLIMIT_* numbers (asm-generic/resource.h); soft must not exceed hard.</summary>
internal static class RlimitStage
{
    public static readonly FrozenDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["cpu"] = 0, ["fsize"] = 1, ["data"] = 2, ["stack"] = 3, ["core"] = 4, ["rss"] = 5, ["nproc"] = 6,
        ["nofile"] = 7, ["memlock"] = 8, ["as"] = 9, ["locks"] = 10, ["sigpending"] = 11, ["msgqueue"] = 12,
        ["nice"] = 13, ["rtprio"] = 14, ["rttime"] = 15,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static List<RlimitStep> Build(CompileContext c)
    {
        var steps = new List<RlimitStep>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in c.Profile.Rlimits)
        {
            var name = r.Name.ToLowerInvariant();
            if (name.StartsWith("rlimit_", StringComparison.Ordinal))
            {
                name = name["rlimit_".Length..];
            }

            if (!Numbers.TryGetValue(name, out var number))
            {
                c.Diagnostics.Error(DiagnosticCodes.UnknownRlimit, r.Origin, $"unknown rlimit '{r.Name}'", "spec.rlimits",
                    EditDistance.Closest(name, Numbers.Keys, 2) is { } s ? $"did you mean '{s}'?" : null);
                continue;
            }

            if (r.Soft > r.Hard)
            {
                c.Diagnostics.Error(DiagnosticCodes.BadRlimit, r.Origin, $"rlimit {name}: soft {r.Soft} exceeds hard {r.Hard}", "spec.rlimits");
                continue;
            }

            if (!seen.Add(name))
            {
                c.Diagnostics.Error(DiagnosticCodes.BadRlimit, r.Origin, $"rlimit {name} is set twice", "spec.rlimits");
                continue;
            }

            steps.Add(new RlimitStep(name, number, r.Soft, r.Hard, r.Origin));
        }

        return steps;
    }
}
