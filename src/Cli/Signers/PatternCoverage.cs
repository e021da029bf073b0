namespace Hctr.Cli.Signers;

/// <summary>
/// Which trust-policy rules decide for the image names an organisation pattern matches. The trust policy takes the
/// first matching rule, so rule <c>i</c> decides a name when the name matches it and no earlier rule; names no rule
/// matches fall to the default. Computed exactly by a breadth-first walk over the product of the patterns' NFAs
/// (subset construction), over an alphabet of the patterns' literals, <c>/</c> and one stand-in for every other
/// character. Each decider comes with a short sample name that reaches it, for messages.
/// </summary>
internal sealed record PatternCoverage(IReadOnlyDictionary<int, string> Rules, string? Default, bool Exhausted)
{
    /// <summary>Product states explored before giving up; the caller must then fail closed.</summary>
    public const int MaxStates = 200_000;

    public static PatternCoverage Compute(ImageGlob org, IReadOnlyList<ImageGlob> rules)
    {
        var alphabet = Alphabet(org, rules);
        var start = new UInt128[rules.Count + 1];
        start[0] = org.Start;
        for (var i = 0; i < rules.Count; i++)
        {
            start[i + 1] = rules[i].Start;
        }

        var deciders = new Dictionary<int, string>();
        string? fallback = null;
        var seen = new HashSet<string> { Key(start) };
        var queue = new Queue<(UInt128[] States, string Name)>();
        queue.Enqueue((start, ""));
        while (queue.TryDequeue(out var item))
        {
            var (states, name) = item;
            if (org.Accepts(states[0]))
            {
                var first = Enumerable.Range(0, rules.Count).FirstOrDefault(i => rules[i].Accepts(states[i + 1]), -1);
                if (first >= 0)
                {
                    deciders[first] = Better(deciders.GetValueOrDefault(first), name);
                }
                else
                {
                    fallback = Better(fallback, name);
                }
            }

            foreach (var c in alphabet)
            {
                var next = new UInt128[states.Length];
                next[0] = org.Step(states[0], c);
                if (next[0] == UInt128.Zero)
                {
                    continue; // no longer a name the organisation pattern can match
                }

                for (var i = 0; i < rules.Count; i++)
                {
                    next[i + 1] = rules[i].Step(states[i + 1], c);
                }

                if (seen.Add(Key(next)))
                {
                    if (seen.Count > MaxStates)
                    {
                        return new PatternCoverage(deciders, fallback, Exhausted: true);
                    }

                    queue.Enqueue((next, name + c));
                }
            }
        }

        return new PatternCoverage(deciders, fallback, Exhausted: false);
    }

    /// <summary>The shortest sample, but one that looks like an image name (no empty path segment) when there is one.</summary>
    private static string Better(string? kept, string candidate) =>
        kept is null || (!Plausible(kept) && Plausible(candidate)) ? candidate : kept;

    private static bool Plausible(string name) => name.Length > 0 && !name.EndsWith('/') && !name.StartsWith('/') && !name.Contains("//", StringComparison.Ordinal);

    private static List<char> Alphabet(ImageGlob org, IReadOnlyList<ImageGlob> rules)
    {
        var literals = new SortedSet<char>(org.Literals.Concat(rules.SelectMany(r => r.Literals))) { '/' };
        // One character no pattern names stands for all of them (they are indistinguishable to every pattern);
        // a plausible image-name character keeps the sample names readable.
        var other = "xyzqjkw0123456789abcdefghilmnoprstuv-_".FirstOrDefault(c => !literals.Contains(c), '\u00b7');
        literals.Add(other);
        return [.. literals];
    }

    private static string Key(UInt128[] states) => string.Join(',', states.Select(s => s.ToString("x")));
}
