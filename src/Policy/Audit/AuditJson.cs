using System.Text.Json;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>JSON output of lint and audit, written with <see cref="Utf8JsonWriter"/> (NativeAOT: no reflection).</summary>
public static class AuditJson
{
    public static byte[] Lint(IEnumerable<LintReport> reports) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("profiles");
        foreach (var r in reports)
        {
            WriteReport(w, r, null);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Audit(AuditResult audit) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("since", audit.Since);
        w.WriteStartArray("profiles");
        foreach (var p in audit.Profiles)
        {
            WriteReport(w, p.Lint, p);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            body(w);
        }

        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    internal static void WriteLocation(Utf8JsonWriter w, SourceLocation at)
    {
        w.WriteString("file", at.File);
        w.WriteNumber("line", at.Line);
        w.WriteNumber("column", at.Column);
    }

    private static void WriteReport(Utf8JsonWriter w, LintReport r, ProfileAudit? audit)
    {
        w.WriteStartObject();
        w.WriteString("profile", r.Reference);
        w.WriteBoolean("loaded", r.Load.Succeeded);
        if (audit is not null)
        {
            w.WriteNumber("score", audit.Risk.Score);
            w.WriteString("grade", audit.Risk.Grade);
            w.WriteStartArray("reasons");
            foreach (var (points, why) in audit.Risk.Reasons)
            {
                w.WriteStartObject();
                w.WriteNumber("points", points);
                w.WriteString("reason", why);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("widenings");
            foreach (var d in audit.Widenings)
            {
                DiffJson.WriteEntry(w, d);
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("errors");
        foreach (var d in r.Load.Diagnostics.Where(d => d.IsError))
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("message", d.Message);
            WriteLocation(w, d.Location);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in r.Findings)
        {
            w.WriteStartObject();
            w.WriteString("rule", f.Rule.Id);
            w.WriteString("severity", f.Rule.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", f.Message);
            WriteLocation(w, f.Location);
            w.WriteString("hint", f.Rule.Hint);
            if (f.SuppressedBecause is { } why)
            {
                w.WriteString("suppressed", why);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
