using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hctr.Trust.Json;

/// <summary>
/// OLPC canonical JSON, as TUF signs it: no insignificant whitespace, object keys sorted by
/// code point, strings escaping only <c>"</c> and <c>\</c>, integers only (no floats).
/// </summary>
public static class CanonicalJson
{
    /// <summary>Serialises <paramref name="node"/> canonically. Throws <see cref="TrustVerificationException"/>
    /// (<see cref="TrustFailureReason.Malformed"/>) for values canonical JSON cannot express.</summary>
    public static byte[] Serialize(JsonNode? node)
    {
        var buffer = new MemoryStream();
        try
        {
            Write(buffer, node);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // A node parsed elsewhere may hold duplicate keys, which materialise lazily (found by trust-metadata-fuzz).
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"not canonicalisable: {e.Message}", inner: e);
        }
        return buffer.ToArray();
    }

    private static void Write(MemoryStream output, JsonNode? node)
    {
        switch (node)
        {
            case null:
                WriteAscii(output, "null");
                break;
            case JsonObject obj:
                WriteObject(output, obj);
                break;
            case JsonArray array:
                output.WriteByte((byte)'[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0) output.WriteByte((byte)',');
                    Write(output, array[i]);
                }
                output.WriteByte((byte)']');
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteObject(MemoryStream output, JsonObject obj)
    {
        // Code point order equals the byte order of the UTF-8 encodings; encode each key once.
        var entries = new (byte[] Key, JsonNode? Value)[obj.Count];
        int n = 0;
        foreach (var (key, value) in obj) entries[n++] = (Encoding.UTF8.GetBytes(key), value);
        Array.Sort(entries, static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        output.WriteByte((byte)'{');
        for (int i = 0; i < entries.Length; i++)
        {
            if (i > 0) output.WriteByte((byte)',');
            WriteString(output, entries[i].Key);
            output.WriteByte((byte)':');
            Write(output, entries[i].Value);
        }
        output.WriteByte((byte)'}');
    }

    private static void WriteValue(MemoryStream output, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(output, Encoding.UTF8.GetBytes(value.GetValue<string>()));
                break;
            case JsonValueKind.True:
                WriteAscii(output, "true");
                break;
            case JsonValueKind.False:
                WriteAscii(output, "false");
                break;
            case JsonValueKind.Null:
                WriteAscii(output, "null");
                break;
            case JsonValueKind.Number when TryGetInteger(value, out long integer):
                WriteAscii(output, integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new TrustVerificationException(TrustFailureReason.Malformed,
                    "canonical JSON allows only integers, strings, booleans, null, arrays and objects");
        }
    }

    /// <summary>Parsed numbers are JSON elements; built ones may wrap int or long.</summary>
    internal static bool TryGetInteger(JsonValue value, out long integer)
    {
        if (value.TryGetValue(out integer)) return true;
        if (value.TryGetValue(out int small))
        {
            integer = small;
            return true;
        }
        return false;
    }

    private static void WriteString(MemoryStream output, byte[] utf8)
    {
        output.WriteByte((byte)'"');
        ReadOnlySpan<byte> rest = utf8;
        while (true)
        {
            int special = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (special < 0) break;
            output.Write(rest[..special]);
            output.WriteByte((byte)'\\');
            output.WriteByte(rest[special]);
            rest = rest[(special + 1)..];
        }
        output.Write(rest);
        output.WriteByte((byte)'"');
    }

    private static void WriteAscii(MemoryStream output, string text)
    {
        foreach (char c in text) output.WriteByte((byte)c);
    }

}
