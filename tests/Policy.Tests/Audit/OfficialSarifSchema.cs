using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;

namespace Hctr.Tests.Sarif;

/// <summary>
/// The official SARIF 2.1.0 JSON schema (rtm.5, as Microsoft publishes it in <c>@microsoft/jest-sarif</c>),
/// fetched by <c>scripts/setup.sh</c> into the git-ignored <c>.cache/sarif/</c>; never committed.
/// The file is draft-04. Every keyword it uses (type, $ref, definitions, properties, additionalProperties, required,
/// items, minItems, uniqueItems, minimum, maximum, pattern, format, enum, anyOf, oneOf) means the same in draft-07,
/// which JsonSchema.Net evaluates; only the base-URI keyword changed name (<c>id</c> became <c>$id</c>), and it is
/// dropped because every reference in the file is local.
/// <see cref="Load"/> checks that claim on the file before relabelling it, so a schema using a draft-04-only
/// construct (boolean exclusiveMinimum) is refused rather than silently misread.
/// </summary>
internal static class OfficialSarifSchema
{
    public const string RelativePath = ".cache/sarif/sarif-2.1.0-rtm.5.json";

    private static readonly HashSet<string> SameInDraft07 =
    [
        "$schema", "id", "title", "description", "default", "type", "$ref", "definitions", "properties",
        "additionalProperties", "required", "items", "minItems", "uniqueItems", "minimum", "maximum", "pattern",
        "format", "enum", "anyOf", "oneOf",
    ];

    public static string FullPath { get; } = Path.Combine(FindRoot(), RelativePath);

    /// <summary>Null when the file is present; else why it is missing and how to get it.</summary>
    public static string? MissingReason => File.Exists(FullPath)
        ? null
        : $"the official SARIF 2.1.0 schema is not at {RelativePath}; run scripts/setup.sh (it fetches it with npm pack)";

    /// <summary>Skip reason for a test that needs the schema: none under CI=true, so the test fails there instead.</summary>
    public static string? SkipReason =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? null : MissingReason;

    // JsonSchema.Net registers a schema under its $id process-wide, so it is built once.
    private static readonly Lazy<JsonSchema> Built = new(Build);

    public static JsonSchema Load()
    {
        if (MissingReason is { } why)
        {
            Assert.Fail(why);
        }

        return Built.Value;
    }

    private static JsonSchema Build()
    {
        var node = JsonNode.Parse(File.ReadAllText(FullPath))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", (string?)node["$schema"]);
        var foreign = Keywords(node).Where(k => !SameInDraft07.Contains(k)).Distinct().ToList();
        Assert.True(foreign.Count == 0, $"the SARIF schema uses keywords not checked for draft-07: {string.Join(", ", foreign)}");
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        // Every $ref in the file is local ("#/definitions/..."), so the base URI is not needed; dropping it keeps
        // the build out of JsonSchema.Net's process-wide registry, which refuses a second registration of an id.
        Assert.DoesNotMatch("\"\\$ref\"\\s*:\\s*\"[^#]", File.ReadAllText(FullPath));
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>Evaluates <paramref name="sarif"/>; the failure message lists every error with its instance path.</summary>
    public static void AssertValid(JsonSchema schema, ReadOnlySpan<byte> sarif)
    {
        using var doc = JsonDocument.Parse(sarif.ToArray());
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))));
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Hardened.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Hardened.sln) not found above the test binaries");
    }

    /// <summary>Keyword names in schema positions (not the names of declared properties or definitions).</summary>
    private static IEnumerable<string> Keywords(JsonNode? n)
    {
        switch (n)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    yield return k;
                    var children = k is "properties" or "definitions" ? (v as JsonObject)?.Select(p => p.Value)
                        : k is "default" or "enum" or "description" or "title" or "required" ? null
                        : [v];
                    foreach (var c in children ?? [])
                    {
                        foreach (var x in Keywords(c))
                        {
                            yield return x;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var x in a.SelectMany(Keywords))
                {
                    yield return x;
                }

                break;
        }
    }
}
