using System.Globalization;
using System.Text;

namespace Hctr.Engine.Profiles;

/// <summary>
/// One cached compile, as a file: a text header (format line, key, the files it depends on, the warnings to
/// print again, the plan's length) and the plan's canonical JSON. <see cref="TryParse"/> accepts exactly what
/// <see cref="Serialize"/> writes; anything else is a miss, never a guess.
/// </summary>
internal sealed record PlanCacheEntry(string Key, IReadOnlyList<PlanCacheDependency> Dependencies, IReadOnlyList<string> Messages, byte[] Plan)
{
    private const string Magic = "hctr-plan-cache 2"; // 2: the plan in PlanWire form (1 held PlanJson)

    public byte[] Serialize()
    {
        var sb = new StringBuilder();
        sb.Append(Magic).Append('\n');
        sb.Append("key ").Append(Key).Append('\n');
        foreach (var d in Dependencies)
        {
            sb.Append("dep ").Append(d.Sha256).Append(' ').Append(B64(d.Path)).Append('\n');
        }

        foreach (var m in Messages)
        {
            sb.Append("msg ").Append(B64(m)).Append('\n');
        }

        sb.Append("plan ").Append(Plan.Length.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(PlanCacheHash.Of(Plan)).Append('\n');
        return [.. Encoding.UTF8.GetBytes(sb.ToString()), .. Plan];
    }

    public static PlanCacheEntry? TryParse(ReadOnlySpan<byte> data, string expectedKey)
    {
        var deps = new List<PlanCacheDependency>();
        var messages = new List<string>();
        string? key = null;
        var first = true;
        while (data.Length > 0)
        {
            var nl = data.IndexOf((byte)'\n');
            if (nl < 0)
            {
                return null;
            }

            var line = Encoding.UTF8.GetString(data[..nl]);
            data = data[(nl + 1)..];
            if (first)
            {
                if (line != Magic)
                {
                    return null;
                }

                first = false;
                continue;
            }

            var sp = line.IndexOf(' ');
            if (sp < 0)
            {
                return null;
            }

            var (word, rest) = (line[..sp], line[(sp + 1)..]);
            switch (word)
            {
                case "key":
                    key = rest;
                    break;
                case "dep" when rest.IndexOf(' ') is var i and 64 && FromB64(rest[(i + 1)..]) is { } path:
                    deps.Add(new PlanCacheDependency(path, rest[..i]));
                    break;
                case "msg" when FromB64(rest) is { } m:
                    messages.Add(m);
                    break;
                // The plan's length and sha256: a damaged payload is a miss, even where it would still decode.
                case "plan" when rest.IndexOf(' ') is var i and > 0
                    && int.TryParse(rest[..i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n == data.Length
                    && PlanCacheHash.Of(data) == rest[(i + 1)..]:
                    return key == expectedKey && deps.Count > 0 ? new PlanCacheEntry(key, deps, messages, data.ToArray()) : null;
                default:
                    return null;
            }
        }

        return null;
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static string? FromB64(string s)
    {
        var buf = new byte[s.Length];
        return Convert.TryFromBase64String(s, buf, out var n) ? Encoding.UTF8.GetString(buf, 0, n) : null;
    }
}
