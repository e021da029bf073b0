using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Validation;
using Hctr.Policy.Yaml;
using Json.Schema;
using Xunit;

namespace Hctr.Policy.Tests.Validation;

/// <summary>
/// hctr's schema evaluator against JsonSchema.Net as the oracle: the same verdict on every YAML document in the
/// repository and on thousands of mutations of the shipped profiles; a schema with a keyword it does not know is
/// refused (an ignored keyword would accept what the schema forbids).
/// </summary>
[Trait("Category", "Unit")]
public class SchemaSubsetTests
{
    private static readonly Lazy<JsonSchema> Oracle = new(() => JsonSchema.FromText(SchemaValidator.SchemaText));
    private static readonly Lazy<SchemaSubset> Subset = new(() => new SchemaSubset(SchemaValidator.SchemaText));

    private static bool OracleValid(JsonNode? doc)
    {
        using var parsed = JsonDocument.Parse(doc?.ToJsonString() ?? "null");
        return Oracle.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    private static void AssertSameVerdict(JsonNode? doc, string what)
    {
        var expected = OracleValid(doc);
        Assert.True(expected == Subset.Value.IsValid(doc), $"{what}: JsonSchema.Net says {(expected ? "valid" : "invalid")}: {doc?.ToJsonString()}");
        Assert.True(expected == (Subset.Value.Evaluate(doc).Count == 0), $"{what}: the detailed evaluation disagrees with the verdict");
    }

    private static JsonNode? ToJson(string yaml)
    {
        var root = YamlLoader.Load(yaml, "t.yaml", new DiagnosticBag());
        return root is null ? null : YamlToJson.Convert(root, [], []);
    }

    public static TheoryData<string> RepositoryYaml()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(RepoPaths.Root, "*.yaml", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/.git/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryYaml))]
    public void Same_verdict_as_JsonSchema_Net_on_every_yaml_file_in_the_repository(string file)
    {
        var doc = ToJson(File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
        AssertSameVerdict(doc, file);
    }

    [Fact]
    public void Same_verdict_on_mutations_of_the_shipped_profiles()
    {
        var bases = Directory.GetFiles(RepoPaths.Profiles, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => ToJson(File.ReadAllText(f))!).ToArray();
        JsonNode[] replacements =
        [
            JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(70000), JsonValue.Create(1.5), JsonValue.Create(true),
            JsonValue.Create("x"), JsonValue.Create(""), JsonValue.Create("64Mi"), JsonValue.Create("errno(EPERM)"), JsonValue.Create("allow"),
            JsonValue.Create("/tmp"), JsonValue.Create("80-90"), JsonValue.Create("unlimited"), JsonValue.Create("0xffffffffffffffff"),
            new JsonArray(), new JsonArray(JsonValue.Create("read")), new JsonArray(JsonValue.Create(1), JsonValue.Create(1)), new JsonObject(),
            new JsonObject { ["unknownField"] = 1 }, JsonValue.Create("CHOWN"), JsonValue.Create("NET_BIND_SERVICE"), JsonValue.Create("auto"),
        ];
        Gen.Select(Gen.Int[0, bases.Length - 1], Gen.Int[0, 10_000], Gen.Int[0, replacements.Length - 1], Gen.Int[0, 3])
            .Sample(t =>
            {
                var (b, pick, r, op) = t;
                var doc = bases[b].DeepClone();
                var nodes = new List<JsonNode>();
                Collect(doc, nodes);
                var target = nodes[pick % nodes.Count];
                Mutate(target, replacements[r].DeepClone(), op);
                AssertSameVerdict(doc, $"mutation {op} of {target.GetPath()}");
            }, iter: 3000);
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    if (v is not null) Collect(v, nodes);
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    if (v is not null) Collect(v, nodes);
                }

                break;
        }
    }

    /// <summary>0: replace the node; 1: remove it from its parent; 2: add a field or item; 3: duplicate an item.</summary>
    private static void Mutate(JsonNode target, JsonNode replacement, int op)
    {
        switch (op, target.Parent, target)
        {
            case (0, JsonObject parent, _):
                parent[target.GetPropertyName()] = replacement;
                break;
            case (0, JsonArray parent, _):
                parent[target.GetElementIndex()] = replacement;
                break;
            case (1, JsonObject parent, _):
                parent.Remove(target.GetPropertyName());
                break;
            case (1, JsonArray parent, _):
                parent.RemoveAt(target.GetElementIndex());
                break;
            case (2, _, JsonObject o):
                o["x" + o.Count] = replacement;
                break;
            case (2, _, JsonArray a):
                a.Add(replacement);
                break;
            case (3, _, JsonArray a) when a.Count > 0:
                a.Add(a[0]!.DeepClone());
                break;
        }
    }

    [Theory]
    [InlineData("{\"type\": \"object\", \"patternProperties\": {}}")]
    [InlineData("{\"anyOf\": [{\"type\": \"string\"}]}")]
    [InlineData("{\"properties\": {\"a\": {\"format\": \"uri\"}}}")]
    [InlineData("{\"$ref\": \"https://example.com/schema\"}")]
    public void A_schema_with_a_keyword_it_does_not_evaluate_is_refused(string schema)
    {
        Assert.Throws<InvalidOperationException>(() => new SchemaSubset(schema));
    }
}
