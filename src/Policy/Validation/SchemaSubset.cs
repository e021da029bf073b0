using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hctr.Policy.Validation;

/// <summary>
/// A JSON Schema (draft 2020-12) evaluator for exactly the keywords schema/profile.schema.json uses: type,
/// properties, additionalProperties, required, propertyNames, items, minItems, maxItems, uniqueItems, minimum,
/// maximum, minLength, maxLength, pattern, enum, const, oneOf and local <c>$ref</c>s to <c>$defs</c>. A schema
/// holding any other keyword is refused when it is loaded (fail closed: a keyword this evaluator ignored would
/// accept what the schema forbids). Annotations (title, description, $schema, $id, $comment) are skipped.
/// <para>
/// Written here rather than taken from JsonSchema.Net (which the tests keep as the oracle, comparing verdicts on
/// every profile in the repository and on mutated ones): that library's module initialisers build its meta-schemas
/// through reflection at every process start, about half of hctr's start-up time, paid twice per container launch
/// (the parent and the init stage). See bench/start-latency.sh.
/// </para>
/// <para>
/// The schema is read once, when it is loaded, into <see cref="SchemaNode"/>s (references linked, patterns
/// compiled, numbers and message texts ready), so a call walks only the instance. <see cref="IsValid"/> builds
/// no place, path or message; only <see cref="Evaluate(JsonNode?)"/>, for a document already known invalid, does.
/// </para>
/// </summary>
internal sealed partial class SchemaSubset
{
    /// <summary>One failure: where in the document, the schema path that failed (for depth), the keyword, a message.</summary>
    public readonly record struct Failure(string Place, string SchemaPath, string Keyword, string Message);

    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "title", "description", "$defs", "default", "examples"];

    private static readonly HashSet<string> Supported =
    [
        "type", "properties", "additionalProperties", "required", "propertyNames", "items", "minItems", "maxItems",
        "uniqueItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "enum", "const", "oneOf", "$ref",
    ];

    private readonly JsonObject _root;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _propertyNames = new(StringComparer.Ordinal);
    private readonly SchemaNode _compiled;

    public SchemaSubset(string schemaText)
    {
        _root = JsonNode.Parse(schemaText) as JsonObject ?? throw new InvalidOperationException("the schema is not an object");
        Check(_root, "#");
        // Checked: now read once into typed nodes, each $defs entry once, and link the references.
        var defs = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        if (_root["$defs"] is JsonObject definitions)
        {
            foreach (var (name, sub) in definitions)
            {
                defs["#/$defs/" + name] = SchemaNode.Compile(sub!, Pattern);
            }
        }

        _compiled = SchemaNode.Compile(_root, Pattern);
        Link(_compiled, defs, []);
        foreach (var def in defs.Values)
        {
            Link(def, defs, []);
        }
    }

    /// <summary>Every name that appears under some <c>properties</c> of the schema (for "did you mean" hints).</summary>
    public IReadOnlySet<string> PropertyNames => _propertyNames;

    /// <summary>The verdict alone: stops at the first failure and builds no place or message.</summary>
    public bool IsValid(JsonNode? instance) => Evaluate(_compiled, instance, null, null, null);

    public List<Failure> Evaluate(JsonNode? instance)
    {
        var failures = new List<Failure>();
        Evaluate(_compiled, instance, "", "", failures);
        return failures;
    }

    private static void Link(SchemaNode node, Dictionary<string, SchemaNode> defs, HashSet<SchemaNode> seen)
    {
        if (!seen.Add(node))
        {
            return;
        }

        if (node.RefName is { } name)
        {
            node.Ref = defs[name];
        }

        foreach (var sub in (node.Properties?.Values ?? []).Concat(node.OneOf ?? []))
        {
            Link(sub, defs, seen);
        }

        foreach (var sub in new[] { node.AdditionalProperties, node.PropertyNames, node.Items })
        {
            if (sub is not null)
            {
                Link(sub, defs, seen);
            }
        }
    }

    private void Check(JsonNode? node, string at)
    {
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (node is not JsonObject o)
        {
            throw new InvalidOperationException($"{at}: a schema must be an object or a boolean");
        }

        foreach (var (key, value) in o)
        {
            if (!Supported.Contains(key) && !Annotations.Contains(key))
            {
                throw new InvalidOperationException($"{at}: keyword '{key}' is not supported by hctr's schema evaluator");
            }

            switch (key)
            {
                case "properties" or "$defs":
                    foreach (var (name, sub) in (JsonObject)value!)
                    {
                        if (key == "properties")
                        {
                            _propertyNames.Add(name);
                        }

                        Check(sub, $"{at}/{key}/{name}");
                    }

                    break;
                case "additionalProperties" or "propertyNames" or "items":
                    Check(value, $"{at}/{key}");
                    break;
                case "oneOf":
                    var i = 0;
                    foreach (var sub in (JsonArray)value!)
                    {
                        Check(sub, $"{at}/oneOf/{i++}");
                    }

                    break;
                case "$ref":
                    Resolve((string)value!);
                    break;
                case "pattern":
                    Pattern((string)value!);
                    break;
            }
        }
    }

    private JsonNode Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal)
            || _root["$defs"] is not JsonObject defs || defs[reference[prefix.Length..]] is not { } target)
        {
            throw new InvalidOperationException($"$ref '{reference}' does not name a $defs entry of this schema");
        }

        return target;
    }

    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            _patterns[pattern] = regex;
        }

        return regex;
    }
}
