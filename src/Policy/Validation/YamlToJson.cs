using System.Globalization;
using System.Text.Json.Nodes;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Yaml;

namespace Hctr.Policy.Validation;

/// <summary>
/// Converts a located YAML tree into a JSON value for schema validation, typing plain scalars by the YAML 1.2
/// core schema, and records the source location of every JSON pointer (keys too, for unknown-field errors).
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(YNode node, Dictionary<string, SourceLocation> locations, Dictionary<string, SourceLocation> keyLocations) =>
        Convert(node, "", locations, keyLocations);

    /// <summary>The same JSON value without the locations (what a document that turns out valid needs).</summary>
    public static JsonNode? Convert(YNode node) => Convert(node, null, null, null);

    private static JsonNode? Convert(YNode node, string? pointer, Dictionary<string, SourceLocation>? locs, Dictionary<string, SourceLocation>? keyLocs)
    {
        if (locs is not null)
        {
            locs[pointer!] = node.Location;
        }

        switch (node)
        {
            case YMapping m:
                var obj = new JsonObject();
                foreach (var (k, v) in m.Entries)
                {
                    string? child = null;
                    if (keyLocs is not null)
                    {
                        child = pointer + "/" + Escape(k.Value);
                        keyLocs[child] = k.Location;
                    }

                    obj[k.Value] = Convert(v, child, locs, keyLocs);
                }

                return obj;
            case YSequence s:
                var arr = new JsonArray();
                for (var i = 0; i < s.Items.Length; i++)
                {
                    arr.Add(Convert(s.Items[i], locs is null ? null : pointer + "/" + i.ToString(CultureInfo.InvariantCulture), locs, keyLocs));
                }

                return arr;
            case YScalar sc:
                return Scalar(sc);
            default:
                return null;
        }
    }

    internal static JsonNode? Scalar(YScalar s)
    {
        if (s.Quoted)
        {
            return JsonValue.Create(s.Value);
        }

        if (s.IsNull)
        {
            return null;
        }

        if (s.Value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (s.Value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (TryInteger(s.Value, out var l))
        {
            return JsonValue.Create(l);
        }

        if (TryUnsigned(s.Value, out var u))
        {
            return JsonValue.Create(u);
        }

        // Overflow parses as infinity, which JSON cannot carry: such a scalar stays a string, and the schema refuses it.
        // An integral value written as a float (1.0, 1e2) stays a string too: JSON Schema would count it as an integer,
        // but the binders read integers from the text as written, and a profile should say 1 where it means 1.
        if (double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && LooksNumeric(s.Value)
            && d != Math.Floor(d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(s.Value);
    }

    /// <summary>Decimal integers per the YAML 1.2 core schema. Hex (0x..) stays a string: the schema accepts hex strings where it wants them.</summary>
    private static bool TryInteger(string v, out long value) =>
        long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && IsDecimal(v);

    private static bool TryUnsigned(string v, out ulong value) =>
        ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool IsDecimal(string v)
    {
        var start = v.Length > 0 && (v[0] == '-' || v[0] == '+') ? 1 : 0;
        return v.Length > start && v.AsSpan(start).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool LooksNumeric(string v) => v.Length > 0 && (char.IsDigit(v[0]) || v[0] is '-' or '+' or '.');

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
