namespace Hctr.Trust.Policies;

/// <summary>Image-name globs: <c>*</c> matches within one path segment, <c>**</c> matches across segments, <c>?</c> one character.</summary>
internal static class ImagePattern
{
    public static bool Matches(string name, string pattern) => Match(name.AsSpan(), pattern.AsSpan(), depth: 0);

    private static bool Match(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern, int depth)
    {
        if (depth > 64) return false; // bounded: patterns come from a local file, but never loop on one
        while (pattern.Length > 0)
        {
            if (pattern.StartsWith("**"))
            {
                var rest = pattern[2..];
                for (int i = 0; i <= text.Length; i++)
                    if (Match(text[i..], rest, depth + 1)) return true;
                return false;
            }
            if (pattern[0] == '*')
            {
                var rest = pattern[1..];
                for (int i = 0; i <= text.Length; i++)
                {
                    if (Match(text[i..], rest, depth + 1)) return true;
                    if (i < text.Length && text[i] == '/') break;
                }
                return false;
            }
            if (text.Length == 0 || (pattern[0] != '?' && pattern[0] != text[0]) || (pattern[0] == '?' && text[0] == '/')) return false;
            text = text[1..];
            pattern = pattern[1..];
        }
        return text.Length == 0;
    }
}
