using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Hctr.Fuzz.Engine;
using Hctr.Fuzz.Mutation;
using Hctr.Policy.Plan;

namespace Hctr.Fuzz.Targets;

/// <summary>
/// PlanJson.Deserialize on arbitrary bytes (the init stage reads a plan from an inherited fd). Only
/// <see cref="JsonException"/>; a plan it accepts must serialise again, and that must read back to
/// the same bytes.
/// </summary>
internal sealed class PlanJsonTarget : FuzzTarget
{
    private static readonly string[] Tokens =
    [
        "null", "true", "0", "-1", "1e309", "18446744073709551616", "\"\"", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"", ",", ":", "\"x\":1,",
        new string('[', 70), "\"kind\":\"Bogus\"", "\"$type\":\"x\",", "\"$ref\":\"1\",", "\"$id\":\"1\",", "/**/", "\uFEFF",
    ];

    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null, () => JsonValue.Create(0), () => JsonValue.Create(-1), () => JsonValue.Create(long.MaxValue),
        () => JsonValue.Create(ulong.MaxValue), () => JsonValue.Create(1.5), () => JsonValue.Create(""), () => JsonValue.Create("x"),
        () => JsonValue.Create(true), () => new JsonArray(), () => new JsonObject(), () => JsonValue.Create("Bogus"),
        () => JsonValue.Create("\0"), () => new JsonArray(JsonValue.Create(1), null),
    ];

    private static readonly HashSet<string> PlanProperties =
        [.. typeof(LaunchPlan).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    public override string Name => "plan-json";

    public override string Description => "PlanJson.Deserialize on arbitrary bytes (only JsonException); accepted plans round-trip";

    public override string Execute(byte[] input)
    {
        var plan = PlanJson.Deserialize(input);
        var bytes = PlanJson.Serialize(plan);
        var again = PlanJson.Serialize(PlanJson.Deserialize(bytes));
        if (!again.AsSpan().SequenceEqual(bytes))
        {
            throw new FuzzPropertyException("an accepted plan does not round-trip through its own serialisation");
        }

        return "ok";
    }

    public override bool IsDeclared(Exception e) => e is JsonException;

    /// <summary>
    /// The top-level plan property the reader gave up in (a cheap measure of how far an input got); mutated
    /// property names are not LaunchPlan's, so they do not multiply signatures.
    /// </summary>
    public override string DeclaredSignature(Exception e)
    {
        var m = Regex.Match((e as JsonException)?.Path ?? "", @"^\$\.([A-Za-z]+)");
        return "JsonException:" + (m.Success && PlanProperties.Contains(m.Groups[1].Value) ? m.Groups[1].Value : "-");
    }

    public override byte[] Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool)
    {
        if (random.Next(3) == 0 || TryParse(input) is not { } root)
        {
            return ByteMutator.Mutate(input, random, pool, Tokens);
        }

        try
        {
            return MutateTree(root, random);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return ByteMutator.Mutate(input, random, pool, Tokens); // JsonObject reports duplicate properties only when enumerated
        }
    }

    private static byte[] MutateTree(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        for (var r = 1 + random.Next(3); r > 0 && nodes.Count > 1; r--)
        {
            var node = nodes[1 + random.Next(nodes.Count - 1)];
            var parent = node.Parent;
            if (parent is JsonObject obj)
            {
                var name = node.GetPropertyName();
                if (random.Next(4) == 0)
                {
                    obj.Remove(name);
                }
                else
                {
                    obj[name] = Replacements[random.Next(Replacements.Length)]();
                }
            }
            else if (parent is JsonArray arr)
            {
                var i = node.GetElementIndex();
                if (random.Next(3) == 0)
                {
                    arr.Add(node.DeepClone());
                }
                else
                {
                    arr[i] = Replacements[random.Next(Replacements.Length)]();
                }
            }
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public override IEnumerable<(string Name, byte[] Bytes)> RepositorySeeds(string repoRoot)
    {
        var golden = Path.Combine(repoRoot, "tests", "Policy.Tests", "Golden");
        return Directory.Exists(golden)
            ? Directory.GetFiles(golden, "plan.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(repoRoot, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            : [];
    }

    private static JsonNode? TryParse(byte[] input)
    {
        try
        {
            return JsonNode.Parse(input);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    Collect(v, nodes);
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    Collect(v, nodes);
                }

                break;
        }
    }
}
