namespace Hctr.Cli.Signers;

/// <summary>
/// The trust policy's image-name glob as a small NFA, so that two sets of patterns can be compared exactly
/// (which names does an organisation pattern share with each trust-policy rule, in first-match order).
/// Same language as <c>Hctr.Trust.Policies.ImagePattern</c>: <c>**</c> any characters, <c>*</c> any characters but
/// <c>/</c>, <c>?</c> one character but <c>/</c>, anything else itself. A test checks the two agree.
/// States are token positions 0..n; position n accepts.
/// </summary>
internal sealed class ImageGlob
{
    /// <summary>Positions fit one <see cref="UInt128"/>: longer patterns are refused by <see cref="TryCreate"/>.</summary>
    public const int MaxTokens = 127;

    /// <summary>Wildcards the trust policy's matcher follows before it stops matching.</summary>
    public const int MaxWildcards = 64;

    private enum Kind { Literal, One, Star, DoubleStar }

    private readonly (Kind Kind, char Char)[] _tokens;

    private ImageGlob((Kind, char)[] tokens) => _tokens = tokens;

    public static ImageGlob? TryCreate(string pattern)
    {
        var tokens = new List<(Kind, char)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                tokens.Add((Kind.DoubleStar, '\0'));
                i++;
            }
            else
            {
                tokens.Add(pattern[i] switch { '*' => (Kind.Star, '\0'), '?' => (Kind.One, '\0'), var c => (Kind.Literal, c) });
            }
        }

        // The trust policy's matcher gives up (no match) past 64 nested wildcards; this NFA would not, so such a
        // pattern is refused as unanalysable rather than read differently.
        return tokens.Count > MaxTokens || tokens.Count(t => t.Item1 is Kind.Star or Kind.DoubleStar) > MaxWildcards
            ? null
            : new ImageGlob([.. tokens]);
    }

    /// <summary>The literal characters of the pattern (the rest of the alphabet behaves alike).</summary>
    public IEnumerable<char> Literals => _tokens.Where(t => t.Kind == Kind.Literal).Select(t => t.Char);

    public UInt128 Start => Close(UInt128.One);

    public bool Accepts(UInt128 states) => (states & (UInt128.One << _tokens.Length)) != UInt128.Zero;

    public UInt128 Step(UInt128 states, char c)
    {
        var next = UInt128.Zero;
        for (var i = 0; i < _tokens.Length; i++)
        {
            if ((states & (UInt128.One << i)) == UInt128.Zero)
            {
                continue;
            }

            var (kind, lit) = _tokens[i];
            var moves = kind switch
            {
                Kind.Literal => c == lit ? UInt128.One << (i + 1) : UInt128.Zero,
                Kind.One => c != '/' ? UInt128.One << (i + 1) : UInt128.Zero,
                Kind.Star => c != '/' ? UInt128.One << i : UInt128.Zero,
                _ => UInt128.One << i,
            };
            next |= moves;
        }

        return Close(next);
    }

    public bool Matches(string name)
    {
        var s = Start;
        foreach (var c in name)
        {
            s = Step(s, c);
        }

        return Accepts(s);
    }

    /// <summary>A star may match nothing: from its position, the next one is reachable without input.</summary>
    private UInt128 Close(UInt128 states)
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            if ((states & (UInt128.One << i)) != UInt128.Zero && _tokens[i].Kind is Kind.Star or Kind.DoubleStar)
            {
                states |= UInt128.One << (i + 1);
            }
        }

        return states;
    }
}
