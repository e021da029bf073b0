using System.Text;
using System.Text.Json;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Explain;

/// <summary>
/// The same explanation as JSON, written with <see cref="Utf8JsonWriter"/> (no reflection):
/// <c>{name, description, sources, sections: [{title, items: [{text, origin, default}]}], risks: [{level, text, origin, default}]}</c>;
/// <c>origin</c> is <c>{file, line}</c>, or null for hctr defaults.
/// </summary>
internal static class ExplainJsonRenderer
{
    public static string Render(Explanation e)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("description", e.Description);
            w.WriteStartArray("sources");
            foreach (var s in e.Sources)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteStartArray("sections");
            foreach (var s in e.Sections)
            {
                w.WriteStartObject();
                w.WriteString("title", s.Title);
                w.WriteStartArray("items");
                foreach (var i in s.Items)
                {
                    w.WriteStartObject();
                    w.WriteString("text", i.Text);
                    Origin(w, i.Origin, i.IsDefault);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("risks");
            foreach (var r in e.Risks)
            {
                w.WriteStartObject();
                w.WriteString("level", ExplainTextRenderer.Level(r.Level));
                w.WriteString("text", r.Text);
                Origin(w, r.Origin, r.IsDefault);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Origin(Utf8JsonWriter w, SourceLocation at, bool isDefault)
    {
        if (isDefault || at.IsNone)
        {
            w.WriteNull("origin");
        }
        else
        {
            w.WriteStartObject("origin");
            w.WriteString("file", at.File);
            w.WriteNumber("line", at.Line);
            w.WriteEndObject();
        }

        w.WriteBoolean("default", isDefault);
    }
}
