namespace Hctr.Policy.Diagnostics;

/// <summary>Levenshtein distance for "did you mean" hints.</summary>
public static class EditDistance
{
    public static int Compute(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    public static string? Closest(string word, IEnumerable<string> candidates, int maxDistance)
    {
        string? best = null;
        var bestD = int.MaxValue;
        foreach (var c in candidates.Order(StringComparer.Ordinal))
        {
            var d = Compute(word, c);
            if (d < bestD)
            {
                (best, bestD) = (c, d);
            }
        }

        return bestD <= maxDistance ? best : null;
    }
}
