using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hctr.Policy.Validation;

/// <summary>Evaluation over the typed nodes: the verdict alone (stops at the first failure), or every failure.</summary>
internal sealed partial class SchemaSubset
{
    /// <summary>
    /// Evaluates <paramref name="instance"/> against <paramref name="s"/>. With <paramref name="failures"/> null
    /// it only answers whether the instance is valid: it stops at the first failure, and
    /// <paramref name="place"/> and <paramref name="schemaPath"/> stay null. Otherwise it records every failure
    /// with its place and schema path, and returns true.
    /// </summary>
    private static bool Evaluate(SchemaNode s, JsonNode? instance, string? place, string? schemaPath, List<Failure>? failures)
    {
        if (s.RejectsAll)
        {
            failures?.Add(new(place!, schemaPath!, "false", "no value is allowed here"));
            return failures is not null;
        }

        if (s.Ref is { } target
            && !Evaluate(target, instance, place, failures is null ? null : schemaPath + "/" + s.RefPath, failures))
        {
            return false;
        }

        if (s.Types is { } types && !TypeMatches(types, instance))
        {
            // The other keywords have nothing to say about a value of the wrong type.
            return failures is not null && Add(failures, place, schemaPath, "type", $"expected {s.TypeText}, found {Kind(instance)}");
        }

        if (s.HasConst && !ConstMatches(s, instance) && (failures is null || !Add(failures, place, schemaPath, "const", $"expected {s.ConstText}")))
        {
            return false;
        }

        if (s.Enum is not null && !EnumMatches(s, instance) && (failures is null || !Add(failures, place, schemaPath, "enum", "expected one of " + s.EnumText)))
        {
            return false;
        }

        var ok = instance switch
        {
            JsonObject obj => EvaluateObject(s, obj, place, schemaPath, failures),
            JsonArray arr => EvaluateArray(s, arr, place, schemaPath, failures),
            JsonValue value => EvaluateValue(s, value, place, schemaPath, failures),
            _ => true,
        };
        return ok && (s.OneOf is null || EvaluateOneOf(s.OneOf, instance, place, schemaPath, failures));
    }

    /// <summary>Records one failure; true, so a collecting evaluation goes on.</summary>
    private static bool Add(List<Failure> failures, string? place, string? schemaPath, string keyword, string message)
    {
        failures.Add(new(place!, schemaPath + "/" + keyword, keyword, message));
        return true;
    }

    private static bool EvaluateOneOf(SchemaNode[] branches, JsonNode? instance, string? place, string? schemaPath, List<Failure>? failures)
    {
        var branchFailures = failures is null ? null : new List<Failure>();
        var valid = 0;
        for (var i = 0; i < branches.Length; i++)
        {
            var mine = failures is null ? null : new List<Failure>();
            var branchPath = failures is null ? null : $"{schemaPath}/oneOf/{i}";
            if (Evaluate(branches[i], instance, place, branchPath, mine) && (mine is null || mine.Count == 0))
            {
                valid++;
            }

            branchFailures?.AddRange(mine!);
        }

        if (valid == 1)
        {
            return true;
        }

        if (failures is null)
        {
            return false;
        }

        Add(failures, place, schemaPath, "oneOf", valid == 0 ? "it matches none of the accepted forms" : $"it matches {valid} of the forms, exactly one is allowed");
        if (valid == 0)
        {
            failures.AddRange(branchFailures!);
        }

        return true;
    }

    private static bool EvaluateObject(SchemaNode s, JsonObject obj, string? place, string? schemaPath, List<Failure>? failures)
    {
        if (s.Required is { } required && !HasAll(obj, required)
            && (failures is null || !Add(failures, place, schemaPath, "required", string.Join(", ", required.Where(r => !obj.ContainsKey(r))))))
        {
            return false;
        }

        foreach (var (key, value) in obj)
        {
            var at = failures is null ? null : place + "/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            if (s.Properties is not null && s.Properties.TryGetValue(key, out var sub))
            {
                if (!Evaluate(sub, value, at, failures is null ? null : $"{schemaPath}/properties/{key}", failures))
                {
                    return false;
                }
            }
            else if (s.AdditionalProperties is { } additional
                && !Evaluate(additional, value, at, failures is null ? null : $"{schemaPath}/additionalProperties", failures))
            {
                return false;
            }

            if (s.PropertyNames is { } names)
            {
                var mine = failures is null ? null : new List<Failure>();
                var nameOk = Evaluate(names, JsonValue.Create(key), place, failures is null ? null : $"{schemaPath}/propertyNames", mine);
                if (!nameOk || mine?.Count > 0)
                {
                    if (failures is null)
                    {
                        return false;
                    }

                    Add(failures, place, schemaPath, "propertyNames", $"'{key}': {mine![0].Message}");
                }
            }
        }

        return true;
    }

    private static bool EvaluateArray(SchemaNode s, JsonArray arr, string? place, string? schemaPath, List<Failure>? failures)
    {
        if (s.MinItems is { } min && arr.Count < min
            && (failures is null || !Add(failures, place, schemaPath, "minItems", $"expected at least {min} items, found {arr.Count}")))
        {
            return false;
        }

        if (s.MaxItems is { } max && arr.Count > max
            && (failures is null || !Add(failures, place, schemaPath, "maxItems", $"expected at most {max} items, found {arr.Count}")))
        {
            return false;
        }

        if (s.UniqueItems && FirstRepeat(arr) is var (first, second) && first >= 0
            && (failures is null || !Add(failures, place, schemaPath, "uniqueItems", $"items {first} and {second} are equal")))
        {
            return false;
        }

        if (s.Items is { } items)
        {
            for (var i = 0; i < arr.Count; i++)
            {
                if (!Evaluate(items, arr[i], failures is null ? null : $"{place}/{i}", failures is null ? null : $"{schemaPath}/items", failures))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool EvaluateValue(SchemaNode s, JsonValue value, string? place, string? schemaPath, List<Failure>? failures)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number when s.Minimum is not null || s.Maximum is not null:
                var n = SchemaNode.Number(value);
                if (n < s.Minimum && (failures is null || !Add(failures, place, schemaPath, "minimum", $"expected at least {s.MinimumText}")))
                {
                    return false;
                }

                return !(n > s.Maximum) || (failures is not null && Add(failures, place, schemaPath, "maximum", $"expected at most {s.MaximumText}"));
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (s.MinLength is not null || s.MaxLength is not null)
                {
                    var length = 0;
                    foreach (var _ in text.EnumerateRunes())
                    {
                        length++;
                    }

                    if (length < s.MinLength && (failures is null || !Add(failures, place, schemaPath, "minLength", $"expected at least {s.MinLength} characters")))
                    {
                        return false;
                    }

                    if (length > s.MaxLength && (failures is null || !Add(failures, place, schemaPath, "maxLength", $"expected at most {s.MaxLength} characters")))
                    {
                        return false;
                    }
                }

                return s.Pattern is null || s.Pattern.IsMatch(text)
                    || (failures is not null && Add(failures, place, schemaPath, "pattern", $"does not match {s.PatternText}"));
            default:
                return true;
        }
    }

    /// <summary>The first pair (j, i), j &lt; i, of equal items in the order the pairwise scan meets them, or (-1, -1).</summary>
    private static (int First, int Second) FirstRepeat(JsonArray arr)
    {
        // Strings only (capability names, paths, modes): equal exactly when their texts are, so a set answers
        // "none" without comparing every pair; any repeat, or another kind of item, takes the pairwise scan.
        var texts = new HashSet<string>(arr.Count, StringComparer.Ordinal);
        var allDistinctStrings = true;
        foreach (var item in arr)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !v.TryGetValue<string>(out var text) || !texts.Add(text))
            {
                allDistinctStrings = false;
                break;
            }
        }

        if (allDistinctStrings)
        {
            return (-1, -1);
        }

        for (var i = 0; i < arr.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonNode.DeepEquals(arr[i], arr[j]))
                {
                    return (j, i);
                }
            }
        }

        return (-1, -1);
    }

    private static bool ConstMatches(SchemaNode s, JsonNode? instance) =>
        s.ConstString is { } expected && instance is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue<string>(out var text)
            ? string.Equals(text, expected, StringComparison.Ordinal)
            : JsonNode.DeepEquals(s.Const, instance);

    private static bool EnumMatches(SchemaNode s, JsonNode? instance)
    {
        if (s.EnumStrings is { } strings)
        {
            // Every option is a string: only a string can equal one.
            if (instance is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                return false;
            }

            if (v.TryGetValue<string>(out var text))
            {
                return strings.Contains(text);
            }
        }

        return s.Enum!.Any(o => JsonNode.DeepEquals(o, instance));
    }

    private static bool HasAll(JsonObject obj, string[] names)
    {
        foreach (var name in names)
        {
            if (!obj.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TypeMatches(string[] types, JsonNode? instance)
    {
        foreach (var type in types)
        {
            if (Is(type, instance))
            {
                return true;
            }
        }

        return false;
    }

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
            ("integer", JsonValueKind.Number) => double.IsInteger(SchemaNode.Number(v)),
            _ => false,
        },
    };

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
