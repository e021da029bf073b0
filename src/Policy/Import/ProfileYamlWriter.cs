using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Import;

/// <summary>
/// A small deterministic YAML emitter for imported profiles (YamlDotNet's serializer needs reflection, which
/// NativeAOT does not allow). Lists go in flow style, wrapped under their key when long; free text is always
/// double-quoted; numbers above 0xffff are written in hex. Lines end with \n.
/// </summary>
internal sealed class ProfileYamlWriter
{
    private const int Width = 100;
    private readonly StringBuilder _sb = new();

    public void Comment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            _sb.Append("# ").Append(Clean(line)).Append('\n');
        }
    }

    public void Line(int indent, string text) => _sb.Append(' ', indent).Append(text).Append('\n');

    public void Key(int indent, string key) => Line(indent, key + ":");

    public void Scalar(int indent, string key, string plainValue) => Line(indent, $"{key}: {plainValue}");

    public void Text(int indent, string key, string value) => Line(indent, $"{key}: {Quote(value)}");

    /// <summary><c>key: [a, b, c]</c>, wrapped onto indented continuation lines when longer than the width.</summary>
    public void FlowList(int indent, string key, IEnumerable<string> items, string prefix = "")
    {
        var head = new string(' ', indent) + prefix + key + ": [";
        var cont = new string(' ', indent + prefix.Length + 2);
        var line = new StringBuilder(head);
        var first = true;
        foreach (var item in items)
        {
            var piece = first ? item : ", " + item;
            if (!first && line.Length + piece.Length + 1 > Width)
            {
                _sb.Append(line).Append(",\n");
                line.Clear().Append(cont).Append(item);
            }
            else
            {
                line.Append(piece);
            }

            first = false;
        }

        _sb.Append(line).Append("]\n");
    }

    public void Args(int indent, ImmutableArray<ArgCondition> args)
    {
        var items = args.Select(a => a.Op == ArgOp.MaskedEq
            ? $"{{index: {a.Index}, op: masked-eq, mask: {Number(a.Mask)}, value: {Number(a.Value)}}}"
            : $"{{index: {a.Index}, op: {OpName(a.Op)}, value: {Number(a.Value)}}}");
        FlowList(indent, "args", items);
    }

    public override string ToString() => _sb.ToString();

    public static string Number(ulong v) =>
        v <= 0xffff ? v.ToString(CultureInfo.InvariantCulture) : "0x" + v.ToString("x", CultureInfo.InvariantCulture);

    private static string OpName(ArgOp op) => op switch
    {
        ArgOp.Eq => "eq",
        ArgOp.Ne => "ne",
        ArgOp.Lt => "lt",
        ArgOp.Le => "le",
        ArgOp.Gt => "gt",
        ArgOp.Ge => "ge",
        ArgOp.MaskedEq => "masked-eq",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown operator"),
    };

    /// <summary>A double-quoted YAML scalar: backslash, quote and control characters escaped.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in s)
        {
            _ = ch switch
            {
                '\\' => sb.Append("\\\\"),
                '"' => sb.Append("\\\""),
                '\n' => sb.Append("\\n"),
                '\t' => sb.Append("\\t"),
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' => sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture)),
                _ => sb.Append(ch),
            };
        }

        return sb.Append('"').ToString();
    }

    private static string Clean(string s) => new([.. s.Select(c => char.IsControl(c) ? ' ' : c)]);
}
