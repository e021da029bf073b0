using System.Globalization;
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
/// </summary>
internal sealed class SchemaSubset
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

    public SchemaSubset(string schemaText)
    {
        _root = JsonNode.Parse(schemaText) as JsonObject ?? throw new InvalidOperationException("the schema is not an object");
        Check(_root, "#");
    }

    /// <summary>Every name that appears under some <c>properties</c> of the schema (for "did you mean" hints).</summary>
    public IReadOnlySet<string> PropertyNames => _propertyNames;

    public bool IsValid(JsonNode? instance)
    {
        var failures = new List<Failure>();
        Evaluate(_root, instance, "", "", failures, stopAtFirst: true);
        return failures.Count == 0;
    }

    public List<Failure> Evaluate(JsonNode? instance)
    {
        var failures = new List<Failure>();
        Evaluate(_root, instance, "", "", failures, stopAtFirst: false);
        return failures;
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

    /// <summary>Returns false once a failure was recorded and <paramref name="stopAtFirst"/> is set.</summary>
    private bool Evaluate(JsonNode schema, JsonNode? instance, string place, string schemaPath, List<Failure> failures, bool stopAtFirst)
    {
        if (schema is JsonValue b)
        {
            if (b.GetValueKind() == JsonValueKind.False)
            {
                failures.Add(new(place, schemaPath, "false", "no value is allowed here"));
                return !stopAtFirst;
            }

            return true;
        }

        var s = (JsonObject)schema;
        int before = failures.Count;
        void Fail(string keyword, string message) => failures.Add(new(place, schemaPath + "/" + keyword, keyword, message));
        bool Stop() => stopAtFirst && failures.Count > before;

        if (s["$ref"] is { } reference)
        {
            var name = (string)reference!;
            Evaluate(Resolve(name), instance, place, schemaPath + "/" + name.TrimStart('#').TrimStart('/'), failures, stopAtFirst);
            if (Stop())
            {
                return false;
            }
        }

        if (s["type"] is { } type && !TypeMatches(type, instance))
        {
            Fail("type", $"expected {TypeText(type)}, found {Kind(instance)}");
            return !Stop(); // the other keywords have nothing to say about a value of the wrong type
        }

        if (s["const"] is { } constant && !JsonNode.DeepEquals(constant, instance))
        {
            Fail("const", $"expected {constant.ToJsonString()}");
        }

        if (s["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, instance)))
        {
            Fail("enum", "expected one of " + string.Join(", ", options.Select(o => o?.ToJsonString() ?? "null")));
        }

        if (Stop())
        {
            return false;
        }

        switch (instance)
        {
            case JsonObject obj:
                EvaluateObject(s, obj, place, schemaPath, failures, stopAtFirst, Fail);
                break;
            case JsonArray arr:
                EvaluateArray(s, arr, place, schemaPath, failures, stopAtFirst, Fail);
                break;
            case JsonValue value:
                EvaluateValue(s, value, Fail);
                break;
        }

        if (Stop())
        {
            return false;
        }

        if (s["oneOf"] is JsonArray branches)
        {
            var branchFailures = new List<Failure>();
            int valid = 0, i = 0;
            foreach (var branch in branches)
            {
                var mine = new List<Failure>();
                if (Evaluate(branch!, instance, place, $"{schemaPath}/oneOf/{i++}", mine, stopAtFirst) && mine.Count == 0)
                {
                    valid++;
                }

                branchFailures.AddRange(mine);
            }

            if (valid != 1)
            {
                Fail("oneOf", valid == 0 ? "it matches none of the accepted forms" : $"it matches {valid} of the forms, exactly one is allowed");
                if (valid == 0)
                {
                    failures.AddRange(branchFailures);
                }
            }
        }

        return !Stop();
    }

    private void EvaluateObject(JsonObject s, JsonObject obj, string place, string schemaPath, List<Failure> failures, bool stopAtFirst,
        Action<string, string> fail)
    {
        if (s["required"] is JsonArray required)
        {
            var missing = required.Select(r => (string)r!).Where(r => !obj.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                fail("required", string.Join(", ", missing));
            }
        }

        var properties = s["properties"] as JsonObject;
        foreach (var (key, value) in obj)
        {
            var at = place + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            if (properties?[key] is { } sub)
            {
                Evaluate(sub, value, at, $"{schemaPath}/properties/{key}", failures, stopAtFirst);
            }
            else if (s["additionalProperties"] is { } additional)
            {
                Evaluate(additional, value, at, $"{schemaPath}/additionalProperties", failures, stopAtFirst);
            }

            if (s["propertyNames"] is { } names)
            {
                var mine = new List<Failure>();
                Evaluate(names, JsonValue.Create(key), place, $"{schemaPath}/propertyNames", mine, stopAtFirst);
                if (mine.Count > 0)
                {
                    fail("propertyNames", $"'{key}': {mine[0].Message}");
                }
            }

            if (stopAtFirst && failures.Count > 0)
            {
                return;
            }
        }
    }

    private void EvaluateArray(JsonObject s, JsonArray arr, string place, string schemaPath, List<Failure> failures, bool stopAtFirst,
        Action<string, string> fail)
    {
        if (s["minItems"] is { } min && arr.Count < (int)min)
        {
            fail("minItems", $"expected at least {(int)min} items, found {arr.Count}");
        }

        if (s["maxItems"] is { } max && arr.Count > (int)max)
        {
            fail("maxItems", $"expected at most {(int)max} items, found {arr.Count}");
        }

        if (s["uniqueItems"] is JsonValue u && u.GetValueKind() == JsonValueKind.True)
        {
            for (var i = 0; i < arr.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonNode.DeepEquals(arr[i], arr[j]))
                    {
                        fail("uniqueItems", $"items {j} and {i} are equal");
                        i = j = arr.Count;
                    }
                }
            }
        }

        if (s["items"] is { } items)
        {
            for (var i = 0; i < arr.Count; i++)
            {
                Evaluate(items, arr[i], $"{place}/{i}", $"{schemaPath}/items", failures, stopAtFirst);
                if (stopAtFirst && failures.Count > 0)
                {
                    return;
                }
            }
        }
    }

    private void EvaluateValue(JsonObject s, JsonValue value, Action<string, string> fail)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                var n = Number(value);
                if (s["minimum"] is { } min && n < Number(min.AsValue()))
                {
                    fail("minimum", $"expected at least {min.ToJsonString()}");
                }

                if (s["maximum"] is { } max && n > Number(max.AsValue()))
                {
                    fail("maximum", $"expected at most {max.ToJsonString()}");
                }

                break;
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                var length = text.EnumerateRunes().Count();
                if (s["minLength"] is { } minLength && length < (int)minLength)
                {
                    fail("minLength", $"expected at least {(int)minLength} characters");
                }

                if (s["maxLength"] is { } maxLength && length > (int)maxLength)
                {
                    fail("maxLength", $"expected at most {(int)maxLength} characters");
                }

                if (s["pattern"] is { } pattern && !Pattern((string)pattern!).IsMatch(text))
                {
                    fail("pattern", $"does not match {(string)pattern!}");
                }

                break;
        }
    }

    private static bool TypeMatches(JsonNode type, JsonNode? instance) => type switch
    {
        JsonArray list => list.Any(t => Is((string)t!, instance)),
        _ => Is((string)type!, instance),
    };

    private static bool Is(string type, JsonNode? instance) => type switch
    {
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "null" => instance is null,
        _ => instance is JsonValue v && (type, v.GetValueKind()) switch
        {
            ("string", JsonValueKind.String) => true,
            ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
            ("number", JsonValueKind.Number) => true,
            ("integer", JsonValueKind.Number) => double.IsInteger(Number(v)),
            _ => false,
        },
    };

    /// <summary>Any JSON number as a double (the profile's numbers fit; u64 values are strings in the schema).</summary>
    private static double Number(JsonValue value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string TypeText(JsonNode type) =>
        type is JsonArray list ? string.Join(" or ", list.Select(t => (string)t!)) : (string)type!;

    private static string Kind(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "value",
        },
        _ => "value",
    };
}
