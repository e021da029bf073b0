using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Mutation;
using Hctr.Policy.Plan;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// PlanWire.Read on arbitrary bytes (the init stage reads the plan's wire form from an inherited memfd, and the plan
/// cache stores it). Only <see cref="InvalidDataException"/>; a plan it accepts must write again, and that must read
/// back and write to the same bytes.
/// </summary>
internal sealed class PlanWireTarget : FuzzTarget
{
    private static readonly string[] Tokens =
    [
        "\0", "\u0001", "\u007f", "\u0080", "\u00ff", "HCTRPLAN", "HCTRPLAN\u0001", "\u0080\u0080\u0080\u0080\u0080",
        "\u00ff\u00ff\u00ff\u00ff\u000f", "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff",
    ];

    public override string Name => "plan-wire";

    public override string Description => "PlanWire.Read on arbitrary bytes (only InvalidDataException); accepted plans round-trip";

    public override string Execute(byte[] input)
    {
        var bytes = PlanWire.Write(PlanWire.Read(input));
        var again = PlanWire.Write(PlanWire.Read(bytes));
        if (!again.AsSpan().SequenceEqual(bytes))
        {
            throw new FuzzPropertyException("an accepted plan does not round-trip through its own wire form");
        }

        return "ok";
    }

    public override bool IsDeclared(Exception e) => e is InvalidDataException;

    /// <summary>The refusal's kind (its message up to the first detail), so positions do not multiply signatures.</summary>
    public override string DeclaredSignature(Exception e)
    {
        string m = e.Message;
        int cut = m.IndexOfAny(['(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        return "InvalidDataException:" + (cut > 0 ? m[..cut].TrimEnd() : m);
    }

    public override byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool) =>
        ByteMutator.Mutate(input, random, pool, Tokens);

    /// <summary>Every golden plan in its wire form.</summary>
    public override IEnumerable<(string Name, byte[] Bytes)> RepositorySeeds(string repoRoot)
    {
        var golden = Path.Combine(repoRoot, "tests", "Policy.Tests", "Golden");
        return Directory.Exists(golden)
            ? Directory.GetFiles(golden, "plan.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(repoRoot, f).Replace('\\', '/') + ".wire", PlanWire.Write(PlanJson.Deserialize(File.ReadAllBytes(f)))))
            : [];
    }
}
