using System.Text;
using System.Globalization;

namespace Hctr.Fuzz.Mutation;

/// <summary>
/// Writes a <see cref="YTree"/> as block YAML. Quoted scalars are written double-quoted with JSON
/// escapes (valid YAML escapes); plain scalars stay plain when that is safe, so their YAML type
/// (number, boolean) survives the round trip.
/// </summary>
internal static class YamlEmitter
{
    public static string Write(YTree root)
    {
        var text = new StringBuilder();
        WriteBlock(text, root, 0);
        return text.ToString();
    }

    private static void WriteBlock(StringBuilder text, YTree node, int indent)
    {
        switch (node.Kind)
        {
            case YTree.TreeKind.Map:
                foreach (var (key, value) in node.Entries)
                {
                    text.Append(' ', indent).Append(Key(key)).Append(':');
                    WriteValue(text, value, indent + 2);
                }

                break;
            case YTree.TreeKind.Seq:
                foreach (var item in node.Items)
                {
                    text.Append(' ', indent).Append('-');
                    WriteValue(text, item, indent + 2);
                }

                break;
            default:
                text.Append(' ', indent).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder text, YTree value, int indent)
    {
        if (value.Kind == YTree.TreeKind.Scalar)
        {
            text.Append(' ').Append(Scalar(value)).Append('\n');
        }
        else if (value.Entries.Count == 0 && value.Items.Count == 0)
        {
            text.Append(value.Kind == YTree.TreeKind.Map ? " {}\n" : " []\n");
        }
        else
        {
            text.Append('\n');
            WriteBlock(text, value, indent);
        }
    }

    private static string Key(string key) => IsSafePlain(key) ? key : Quote(key);

    private static string Scalar(YTree s) => !s.Quoted && (s.Value.Length == 0 || IsSafePlain(s.Value)) ? s.Value : Quote(s.Value);

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < 0x20 || c >= 0x7f)
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    private static bool IsSafePlain(string v)
    {
        if (v.Length == 0 || v[^1] == ' ' || v.AsSpan().IndexOfAny("\n\r\t\"'#&*!|>%@`{}[],:\\") >= 0 || v[0] is '?' or ' ')
        {
            return false;
        }

        return v[0] != '-' || (v.Length > 1 && v[1] != ' ');
    }
}
