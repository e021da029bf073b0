using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Yaml;

/// <summary>A mapping with scalar keys, in document order. Duplicate keys are rejected by the loader.</summary>
public sealed record YMapping(ImmutableArray<KeyValuePair<YScalar, YNode>> Entries, SourceLocation Location) : YNode(Location)
{
    public YNode? Get(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key.Value == key)
            {
                return e.Value;
            }
        }

        return null;
    }

    public YScalar? KeyOf(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key.Value == key)
            {
                return e.Key;
            }
        }

        return null;
    }
}
