using System.Text.Json;

namespace Hctr.Policy.Audit;

/// <summary><c>hctr profile diff --format json</c>.</summary>
public static class DiffJson
{
    public static byte[] Write(string oldName, string newName, IReadOnlyList<DiffEntry> entries) => AuditJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("old", oldName);
        w.WriteString("new", newName);
        w.WriteBoolean("widens", ProfileDiff.HasWidening(entries));
        w.WriteStartArray("changes");
        foreach (var e in entries)
        {
            WriteEntry(w, e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static void WriteEntry(Utf8JsonWriter w, DiffEntry e)
    {
        w.WriteStartObject();
        w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
        w.WriteString("section", e.Section);
        w.WriteString("message", e.Message);
        AuditJson.WriteLocation(w, e.Location);
        w.WriteEndObject();
    }
}
