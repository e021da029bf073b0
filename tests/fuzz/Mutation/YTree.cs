using Hctr.Policy.Yaml;

namespace Hctr.Fuzz.Mutation;

/// <summary>A mutable YAML tree (mapping, sequence or scalar) for structure-aware mutation; written back by <see cref="YamlEmitter"/>.</summary>
internal sealed class YTree
{
    public enum TreeKind
    {
        Map,
        Seq,
        Scalar,
    }

    private YTree(TreeKind kind) => Kind = kind;

    public TreeKind Kind { get; }

    public List<(string Key, YTree Value)> Entries { get; } = [];

    public List<YTree> Items { get; } = [];

    public string Value { get; set; } = "";

    public bool Quoted { get; set; }

    public static YTree Map() => new(TreeKind.Map);

    public static YTree Seq() => new(TreeKind.Seq);

    public static YTree Scalar(string value, bool quoted = false) => new(TreeKind.Scalar) { Value = value, Quoted = quoted };

    public static YTree From(YNode node)
    {
        switch (node)
        {
            case YMapping m:
                var map = Map();
                foreach (var (k, v) in m.Entries)
                {
                    map.Entries.Add((k.Value, From(v)));
                }

                return map;
            case YSequence s:
                var seq = Seq();
                seq.Items.AddRange(s.Items.Select(From));
                return seq;
            case YScalar sc:
                return Scalar(sc.Value, sc.Quoted);
            default:
                return Scalar("");
        }
    }

    public YTree Clone()
    {
        var copy = new YTree(Kind) { Value = Value, Quoted = Quoted };
        copy.Entries.AddRange(Entries.Select(e => (e.Key, e.Value.Clone())));
        copy.Items.AddRange(Items.Select(i => i.Clone()));
        return copy;
    }

    public YTree? Get(string key) => Entries.FirstOrDefault(e => e.Key == key).Value;

    public void Set(string key, YTree value)
    {
        var i = Entries.FindIndex(e => e.Key == key);
        if (i >= 0)
        {
            Entries[i] = (key, value);
        }
        else
        {
            Entries.Add((key, value));
        }
    }

    /// <summary>Every node with the key it hangs under (a sequence item inherits its sequence's key) and its parent.</summary>
    public IEnumerable<(YTree Node, string Key, YTree? Parent)> Walk(string key = "", YTree? parent = null)
    {
        yield return (this, key, parent);
        foreach (var (k, v) in Entries)
        {
            foreach (var x in v.Walk(k, this))
            {
                yield return x;
            }
        }

        foreach (var item in Items)
        {
            foreach (var x in item.Walk(key, this))
            {
                yield return x;
            }
        }
    }
}
