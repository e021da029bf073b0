using System.Collections.Immutable;
using System.Globalization;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Yaml;

namespace Hctr.Policy.Loading;

/// <summary>Typed reads from a schema-valid tree. Shapes are guaranteed by the schema; values are checked here.</summary>
internal static class NodeReader
{
    public static YMapping? Map(YMapping? m, string key) => m?.Get(key) as YMapping;

    public static YScalar? Scalar(YMapping? m, string key) => m?.Get(key) as YScalar;

    public static IEnumerable<YNode> Items(YMapping? m, string key) =>
        m?.Get(key) is YSequence s ? s.Items : [];

    public static bool Has(YMapping? m, string key) => m?.Get(key) is not null;

    public static Located<bool>? Bool(YMapping? m, string key) =>
        Scalar(m, key) is { } s ? new Located<bool>(s.Value is "true" or "True" or "TRUE", s.Location) : null;

    public static Located<string>? Text(YMapping? m, string key) =>
        Scalar(m, key) is { } s ? new Located<string>(s.Value, s.Location) : null;

    public static ImmutableArray<Located<string>>? Strings(YMapping? m, string key)
    {
        if (m?.Get(key) is not YSequence s)
        {
            return null;
        }

        return [.. s.Items.OfType<YScalar>().Select(x => new Located<string>(x.Value, x.Location))];
    }

    public static bool TryU64(string text, out ulong value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>64Mi, 1G, 4096. Binary suffixes are powers of 1024, decimal ones of 1000.</summary>
    public static bool TryQuantity(string text, out ulong bytes)
    {
        bytes = 0;
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == 0 || !ulong.TryParse(text.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        ulong mult = text[i..] switch
        {
            "" => 1,
            "k" => 1000,
            "Ki" => 1UL << 10,
            "M" => 1000_000,
            "Mi" => 1UL << 20,
            "G" => 1000_000_000,
            "Gi" => 1UL << 30,
            "T" => 1000_000_000_000,
            "Ti" => 1UL << 40,
            _ => 0,
        };
        if (mult == 0 || (n != 0 && mult > ulong.MaxValue / n))
        {
            return false;
        }

        bytes = n * mult;
        return true;
    }

    public static bool TryOctal(string text, out uint mode)
    {
        mode = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            mode = (mode * 8) + (uint)(c - '0');
        }

        return text.Length > 0;
    }
}
