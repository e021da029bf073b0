using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hctr.Policy.Validation;

/// <summary>
/// One schema object of <see cref="SchemaSubset"/>, read once into typed fields: the keyword lookups, the
/// <c>$ref</c> resolution, the numbers and the texts of messages that the evaluator needed per call when it
/// walked the schema's <see cref="JsonObject"/>s are done here, when the schema is loaded. Immutable once
/// <see cref="SchemaSubset"/> has linked the references, so one instance serves every thread.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>The boolean schema <c>false</c> (nothing is allowed); <c>true</c> is a node without keywords.</summary>
    public bool RejectsAll { get; private init; }

    public string? RefName { get; private init; }

    /// <summary>The schema path segment of the <c>$ref</c>: its name without the leading <c>#/</c>.</summary>
    public string? RefPath { get; private init; }

    public SchemaNode? Ref { get; set; }

    public string[]? Types { get; private init; }

    public string? TypeText { get; private init; }

    public JsonNode? Const { get; private init; }

    public bool HasConst { get; private init; }

    public string? ConstString { get; private init; }

    public string? ConstText { get; private init; }

    public JsonArray? Enum { get; private init; }

    /// <summary>When every <c>enum</c> option is a string: the options as a set (a non-string never matches one).</summary>
    public FrozenSet<string>? EnumStrings { get; private init; }

    public string? EnumText { get; private init; }

    public string[]? Required { get; private init; }

    public FrozenDictionary<string, SchemaNode>? Properties { get; private init; }

    public SchemaNode? AdditionalProperties { get; private init; }

    public SchemaNode? PropertyNames { get; private init; }

    public SchemaNode? Items { get; private init; }

    public int? MinItems { get; private init; }

    public int? MaxItems { get; private init; }

    public bool UniqueItems { get; private init; }

    public double? Minimum { get; private init; }

    public string? MinimumText { get; private init; }

    public double? Maximum { get; private init; }

    public string? MaximumText { get; private init; }

    public int? MinLength { get; private init; }

    public int? MaxLength { get; private init; }

    public Regex? Pattern { get; private init; }

    public string? PatternText { get; private init; }

    public SchemaNode[]? OneOf { get; private init; }

    /// <summary>
    /// Reads a schema that <see cref="SchemaSubset"/> already checked (only supported keywords, local refs).
    /// <paramref name="pattern"/> hands out one compiled <see cref="Regex"/> per distinct pattern text.
    /// </summary>
    public static SchemaNode Compile(JsonNode node, Func<string, Regex> pattern)
    {
        if (node is JsonValue v)
        {
            return new SchemaNode { RejectsAll = v.GetValueKind() == JsonValueKind.False };
        }

        var s = (JsonObject)node;
        var type = s["type"];
        var constant = s["const"];
        var options = s["enum"] as JsonArray;
        var min = s["minimum"];
        var max = s["maximum"];
        var patternText = s["pattern"] is { } p ? (string)p! : null;
        var reference = s["$ref"] is { } r ? (string)r! : null;
        return new SchemaNode
        {
            RefName = reference,
            RefPath = reference?.TrimStart('#').TrimStart('/'),
            Types = type switch
            {
                null => null,
                JsonArray list => [.. list.Select(t => (string)t!)],
                _ => [(string)type!],
            },
            TypeText = type is JsonArray names ? string.Join(" or ", names.Select(t => (string)t!)) : type is null ? null : (string)type!,
            Const = constant,
            HasConst = constant is not null,
            ConstString = constant is JsonValue cv && cv.GetValueKind() == JsonValueKind.String ? cv.GetValue<string>() : null,
            ConstText = constant?.ToJsonString(),
            Enum = options,
            EnumStrings = options is not null && options.All(o => o is JsonValue ov && ov.GetValueKind() == JsonValueKind.String)
                ? options.Select(o => o!.GetValue<string>()).ToFrozenSet(StringComparer.Ordinal)
                : null,
            EnumText = options is null ? null : string.Join(", ", options.Select(o => o?.ToJsonString() ?? "null")),
            Required = s["required"] is JsonArray required ? [.. required.Select(n => (string)n!)] : null,
            Properties = s["properties"] is JsonObject properties
                ? properties.Where(e => e.Value is not null).ToFrozenDictionary(e => e.Key, e => Compile(e.Value!, pattern), StringComparer.Ordinal)
                : null,
            AdditionalProperties = s["additionalProperties"] is { } additional ? Compile(additional, pattern) : null,
            PropertyNames = s["propertyNames"] is { } propertyNames ? Compile(propertyNames, pattern) : null,
            Items = s["items"] is { } items ? Compile(items, pattern) : null,
            MinItems = s["minItems"] is { } minItems ? (int)minItems : null,
            MaxItems = s["maxItems"] is { } maxItems ? (int)maxItems : null,
            UniqueItems = s["uniqueItems"] is JsonValue u && u.GetValueKind() == JsonValueKind.True,
            Minimum = min is null ? null : Number(min.AsValue()),
            MinimumText = min?.ToJsonString(),
            Maximum = max is null ? null : Number(max.AsValue()),
            MaximumText = max?.ToJsonString(),
            MinLength = s["minLength"] is { } minLength ? (int)minLength : null,
            MaxLength = s["maxLength"] is { } maxLength ? (int)maxLength : null,
            Pattern = patternText is null ? null : pattern(patternText),
            PatternText = patternText,
            OneOf = s["oneOf"] is JsonArray branches ? [.. branches.Select(b => Compile(b!, pattern))] : null,
        };
    }

    /// <summary>
    /// Any JSON number as a double (the profile's numbers fit; u64 values are strings in the schema): the value
    /// the JSON text of <paramref name="value"/> parses to. The numbers YAML conversion makes (long, ulong,
    /// finite double) and small ints convert directly, to the same double, without writing the text.
    /// </summary>
    public static double Number(JsonValue value)
    {
        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<ulong>(out var u))
        {
            return u;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<double>(out var d) && double.IsFinite(d))
        {
            return d;
        }

        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
