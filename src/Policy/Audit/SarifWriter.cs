using System.Text.Json;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>
/// SARIF 2.1.0 for code-scanning dashboards: one run, the lint catalogue as rules, one result per finding
/// (suppressed ones carry an in-source suppression with its justification), per load error and per widening.
/// Locations are repository-relative URIs (a <c>git:REV:</c> prefix is dropped) with 1-based line and column.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string WideningRuleId = "HCTR-DIFF";

    public static byte[] Write(AuditResult audit, string toolVersion) => AuditJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "hctr");
        w.WriteString("version", toolVersion);
        w.WriteString("informationUri", "https://hctr.dev/docs/lint");
        w.WriteStartArray("rules");
        foreach (var r in LintRules.All)
        {
            Rule(w, r.Id, r.Title, r.Rationale, r.Hint, Level(r.Severity));
        }

        Rule(w, WideningRuleId, "widening since the baseline revision", "the profile grants more than it did at --since", "review the change", "warning");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var p in audit.Profiles)
        {
            foreach (var d in p.Lint.Load.Diagnostics.Where(d => d.IsError))
            {
                Result(w, d.Code, "error", d.Message, d.Location, null);
            }

            foreach (var f in p.Lint.Findings)
            {
                Result(w, f.Rule.Id, Level(f.Rule.Severity), $"{f.Message}. {f.Rule.Hint}", f.Location, f.SuppressedBecause);
            }

            foreach (var x in p.Widenings.Where(x => x.Kind == ChangeKind.Widen))
            {
                Result(w, WideningRuleId, "warning", $"{x.Section}: {x.Message} (since {audit.Since})", x.Location, null);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    private static void Rule(Utf8JsonWriter w, string id, string title, string rationale, string hint, string level)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", id.Replace("-", "", StringComparison.Ordinal));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", rationale);
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", hint);
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", level);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter w, string ruleId, string level, string message, SourceLocation at, string? suppressed)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", ruleId);
        w.WriteString("level", level);
        w.WriteStartObject("message");
        w.WriteString("text", message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", Uri(at.File));
        w.WriteEndObject();
        if (at.Line > 0)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", at.Line);
            w.WriteNumber("startColumn", Math.Max(1, at.Column));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        if (suppressed is not null)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "inSource");
            w.WriteString("justification", suppressed);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>A relative, forward-slash URI; <c>git:REV:path</c> becomes <c>path</c>.</summary>
    internal static string Uri(string file)
    {
        var f = file ?? "";
        if (f.StartsWith("git:", StringComparison.Ordinal) && f.IndexOf(':', 4) is var c and > 0)
        {
            f = f[(c + 1)..];
        }

        return f.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal);
    }
}
