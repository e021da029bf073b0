using Hctr.Policy.Diagnostics;

using System.Collections.Frozen;

namespace Hctr.Policy.Capabilities;

/// <summary>Kernel spellings of capability names (CAP_NET_BIND_SERVICE) and lookups with a "did you mean".</summary>
public static class CapabilityNames
{
    private static readonly FrozenDictionary<string, Capability> ByName = BuildByName();

    private static readonly FrozenDictionary<Capability, string> ToName =
        ByName.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    public const int Last = (int)Capability.CheckpointRestore;

    public static IEnumerable<Capability> All => Enum.GetValues<Capability>();

    /// <summary>CAP_NET_BIND_SERVICE.</summary>
    public static string Name(Capability c) => ToName[c];

    /// <summary>Accepts CAP_NET_BIND_SERVICE, NET_BIND_SERVICE, any case.</summary>
    public static bool TryParse(string text, out Capability cap)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (!upper.StartsWith("CAP_", StringComparison.Ordinal))
        {
            upper = "CAP_" + upper;
        }

        return ByName.TryGetValue(upper, out cap);
    }

    public static string? Suggest(string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (!upper.StartsWith("CAP_", StringComparison.Ordinal))
        {
            upper = "CAP_" + upper;
        }

        return EditDistance.Closest(upper, ByName.Keys, maxDistance: 3);
    }

    public static ulong Mask(IEnumerable<Capability> caps) => caps.Aggregate(0UL, (m, c) => m | (1UL << (int)c));

    private static FrozenDictionary<string, Capability> BuildByName()
    {
        var d = new Dictionary<string, Capability>(StringComparer.Ordinal);
        foreach (var c in Enum.GetValues<Capability>())
        {
            d["CAP_" + SnakeUpper(c.ToString())] = c;
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string SnakeUpper(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(pascal[i]));
        }

        return sb.ToString();
    }
}
