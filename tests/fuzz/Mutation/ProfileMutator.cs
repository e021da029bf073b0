using System.Text;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Yaml;

namespace Hctr.Fuzz.Mutation;

/// <summary>
/// Structure-aware mutation of profiles: parse a seed with Policy's own YAML loader, then replace
/// scalars with values the schema expects under their key, delete or duplicate entries and items,
/// add free-form keys (sysctls, rlimits, groups), and graft subtrees found under the same key in other
/// seeds. Most results stay schema-valid, so they reach the compiler, not just the parser.
/// </summary>
internal static class ProfileMutator
{
    public static YTree? Parse(byte[] input)
    {
        var d = new DiagnosticBag();
        var node = YamlLoader.Load(Encoding.UTF8.GetString(input), "seed.yaml", d);
        return node is null || d.HasErrors ? null : YTree.From(node);
    }

    /// <summary>Mutates a parseable seed; null when <paramref name="input"/> does not parse as YAML.</summary>
    public static byte[]? Mutate(byte[] input, Random random, IReadOnlyList<byte[]> pool)
    {
        if (Parse(input) is not { } tree)
        {
            return null;
        }

        var rounds = 1 + random.Next(3);
        for (var r = 0; r < rounds; r++)
        {
            MutateOnce(tree, random, pool);
        }

        return Encoding.UTF8.GetBytes(YamlEmitter.Write(tree));
    }

    private static void MutateOnce(YTree tree, Random random, IReadOnlyList<byte[]> pool)
    {
        var nodes = tree.Walk().ToList();
        var (node, key, parent) = nodes[random.Next(nodes.Count)];
        switch (random.Next(7))
        {
            case 0:
            case 1:
                ReplaceScalar(nodes, random);
                break;
            case 2 when parent is not null:
                Remove(parent, node);
                break;
            case 3 when parent is { Kind: YTree.TreeKind.Seq }:
                parent.Items.Insert(random.Next(parent.Items.Count + 1), node.Clone());
                break;
            case 4 when node.Kind == YTree.TreeKind.Map && Vocabulary.NewKeyFor(key, random) is { } newKey:
                node.Set(newKey, key == "groups" ? GroupValue(random) : key == "rlimits" ? Rlimit(random) : Vocabulary.ValueFor("sysctls", random));
                break;
            case 5 when node.Kind == YTree.TreeKind.Seq:
                var item = node.Items.Count > 0 ? node.Items[random.Next(node.Items.Count)].Clone() : Vocabulary.ValueFor(key, random);
                node.Items.Add(item);
                if (item.Kind == YTree.TreeKind.Scalar)
                {
                    node.Items[^1] = Vocabulary.ValueFor(key, random);
                }

                break;
            default:
                Graft(tree, random, pool);
                break;
        }
    }

    private static void ReplaceScalar(List<(YTree Node, string Key, YTree? Parent)> nodes, Random random)
    {
        var scalars = nodes.Where(n => n.Node.Kind == YTree.TreeKind.Scalar).ToList();
        if (scalars.Count == 0)
        {
            return;
        }

        var (node, key, _) = scalars[random.Next(scalars.Count)];
        var value = Vocabulary.ValueFor(key, random);
        node.Value = value.Value;
        node.Quoted = value.Quoted;
    }

    private static void Remove(YTree parent, YTree node)
    {
        var i = parent.Entries.FindIndex(e => ReferenceEquals(e.Value, node));
        if (i >= 0)
        {
            parent.Entries.RemoveAt(i);
        }
        else
        {
            parent.Items.Remove(node);
        }
    }

    /// <summary>Replaces (or adds) a mapping entry with the subtree another seed has under the same key.</summary>
    private static void Graft(YTree tree, Random random, IReadOnlyList<byte[]> pool)
    {
        if (pool.Count == 0 || Parse(pool[random.Next(pool.Count)]) is not { } donor)
        {
            return;
        }

        var donorEntries = donor.Walk().Where(n => n.Node.Kind == YTree.TreeKind.Map).SelectMany(n => n.Node.Entries.Select(e => (Map: n.Key, e.Key, e.Value))).ToList();
        if (donorEntries.Count == 0)
        {
            return;
        }

        var (mapKey, entryKey, value) = donorEntries[random.Next(donorEntries.Count)];
        var targets = tree.Walk().Where(n => n.Node.Kind == YTree.TreeKind.Map && n.Key == mapKey).ToList();
        if (targets.Count > 0)
        {
            targets[random.Next(targets.Count)].Node.Set(entryKey, value.Clone());
        }
    }

    private static YTree GroupValue(Random random)
    {
        var seq = YTree.Seq();
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            seq.Items.Add(Vocabulary.ValueFor("syscalls", random));
        }

        return seq;
    }

    private static YTree Rlimit(Random random)
    {
        var map = YTree.Map();
        map.Set("soft", Vocabulary.ValueFor("soft", random));
        map.Set("hard", Vocabulary.ValueFor("hard", random));
        return map;
    }
}
