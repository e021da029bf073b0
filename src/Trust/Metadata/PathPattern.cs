namespace Hctr.Trust.Metadata;

/// <summary>
/// TUF delegation path patterns: shell-style wildcards matched per path segment, so <c>*</c> and <c>?</c>
/// never cross a <c>/</c> and the pattern must have as many segments as the target path.
/// </summary>
internal static class PathPattern
{
    public static bool Matches(string targetPath, string pattern)
    {
        string[] targetParts = targetPath.Split('/');
        string[] patternParts = pattern.Split('/');
        if (targetParts.Length != patternParts.Length) return false;
        for (int i = 0; i < targetParts.Length; i++)
        {
            if (!MatchSegment(targetParts[i], patternParts[i])) return false;
        }
        return true;
    }

    private static bool MatchSegment(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        // Iterative wildcard match with single backtrack point (linear in practice, no recursion blow-up).
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]) && pattern[p] != '*')
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
