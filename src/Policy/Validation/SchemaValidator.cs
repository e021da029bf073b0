using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Yaml;

namespace Hctr.Policy.Validation;

/// <summary>
/// Validates a located YAML tree against schema/profile.schema.json (embedded) and turns each failure into
/// one located diagnostic. For one place in the document only the outermost failing keyword is reported, so a
/// bad size gives one message, not one per oneOf branch.
/// Evaluation is <see cref="SchemaSubset"/>, hctr's own evaluator for the keywords the schema uses: NJsonSchema
/// (via Namotion.Reflection) crashes under NativeAOT, and JsonSchema.Net's module initialisers cost every process
/// start about half its time (measured with perf); the tests compare verdicts with JsonSchema.Net.
/// </summary>
public static class SchemaValidator
{
    private static readonly Lazy<(SchemaSubset Schema, FrozenSet<string> Names)> Loaded = new(Load);

    private static readonly FrozenDictionary<string, string> Expectations = new Dictionary<string, string>
    {
        ["quantity"] = "a size such as 64Mi, 1Gi or a number of bytes",
        ["u64"] = "an unsigned 64-bit number, decimal or 0x-hex",
        ["portList"] = "a port 1-65535 or a range such as \"8000-8080\"",
        ["rlimitValue"] = "a number or \"unlimited\"",
        ["action"] = "allow, log, kill-process, kill-thread, trap, notify, errno(NAME) or trace(N)",
        ["memory"] = "a size such as 256Mi, or \"unlimited\"",
        ["pids"] = "a number of processes, or \"unlimited\"",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string SchemaText
    {
        get
        {
            using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("profile.schema.json")
                ?? throw new InvalidOperationException("profile.schema.json is not embedded");
            using var r = new StreamReader(s);
            return r.ReadToEnd();
        }
    }

    public static void Validate(YNode root, DiagnosticBag diagnostics)
    {
        // Fast path: a valid document needs only a yes; locations and details are collected only for invalid ones.
        if (Loaded.Value.Schema.IsValid(YamlToJson.Convert(root)))
        {
            return;
        }

        var locs = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var keyLocs = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var json = YamlToJson.Convert(root, locs, keyLocs);

        var byPlace = new Dictionary<string, (int Depth, string Keyword, string Message, string Schema)>(StringComparer.Ordinal);
        foreach (var f in Loaded.Value.Schema.Evaluate(json))
        {
            var depth = f.SchemaPath.Count(c => c == '/');
            if (!byPlace.TryGetValue(f.Place, out var best) || depth < best.Depth)
            {
                byPlace[f.Place] = (depth, f.Keyword, f.Message, f.SchemaPath);
            }
        }

        foreach (var (place, err) in byPlace.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Report(place, err.Keyword, err.Message, err.Schema, json, locs, keyLocs, diagnostics);
        }
    }

    private static void Report(string place, string keyword, string message, string evalPath, JsonNode? json,
        Dictionary<string, SourceLocation> locs, Dictionary<string, SourceLocation> keyLocs, DiagnosticBag diagnostics)
    {
        var field = place.Length == 0 ? "(document)" : place;
        var at = locs.GetValueOrDefault(place, SourceLocation.None);
        var name = LastSegment(place);
        switch (keyword)
        {
            case "additionalProperties" or "false" or "":
                at = keyLocs.GetValueOrDefault(place, at);
                var suggestion = EditDistance.Closest(name, Loaded.Value.Names, maxDistance: 3);
                diagnostics.Error(DiagnosticCodes.SchemaUnknownField, at, $"unknown field '{name}'", field,
                    suggestion is null ? "remove it; see schema/profile.schema.json" : $"did you mean '{suggestion}'?");
                break;
            case "propertyNames":
                at = locs.GetValueOrDefault(place, at);
                diagnostics.Error(DiagnosticCodes.SchemaValue, at, $"a key under '{name}' is not allowed: {message}", field);
                break;
            case "required":
                diagnostics.Error(DiagnosticCodes.SchemaRequired, at, $"missing required field: {message}", field);
                break;
            case "type":
                diagnostics.Error(DiagnosticCodes.SchemaType, at, $"'{name}' has the wrong type: {message}", field, Expect(evalPath, name));
                break;
            case "const" when place == "/apiVersion":
                diagnostics.Error(DiagnosticCodes.SchemaVersion, at, $"unsupported apiVersion '{Text(json, place)}'", field, "use 'apiVersion: hctr.dev/v1'");
                break;
            case "const" when place == "/kind":
                diagnostics.Error(DiagnosticCodes.SchemaVersion, at, $"unsupported kind '{Text(json, place)}'", field, "use 'kind: SecurityProfile'");
                break;
            default:
                diagnostics.Error(DiagnosticCodes.SchemaValue, at, $"'{name}' value {Text(json, place)} is not allowed: {Simplify(keyword, message)}", field, Expect(evalPath, name));
                break;
        }
    }

    private static string Simplify(string keyword, string message) =>
        keyword is "oneOf" or "anyOf" ? "it matches none of the accepted forms" : message;

    private static string? Expect(string evalPath, string name)
    {
        foreach (var (def, text) in Expectations)
        {
            if (name.EndsWith(def, StringComparison.OrdinalIgnoreCase) || evalPath.Contains("/" + def + "/", StringComparison.Ordinal) || evalPath.EndsWith("/" + def, StringComparison.Ordinal))
            {
                return "expected " + text;
            }
        }

        return null;
    }

    private static string Text(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var seg in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = seg.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[key],
                JsonArray a when int.TryParse(key, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        var s = node?.ToJsonString() ?? "null";
        return s.Length > 60 ? s[..57] + "..." : s;
    }

    private static string LastSegment(string pointer)
    {
        var i = pointer.LastIndexOf('/');
        return (i >= 0 ? pointer[(i + 1)..] : pointer).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    private static (SchemaSubset, FrozenSet<string>) Load()
    {
        var schema = new SchemaSubset(SchemaText);
        return (schema, schema.PropertyNames.ToFrozenSet(StringComparer.Ordinal));
    }
}
