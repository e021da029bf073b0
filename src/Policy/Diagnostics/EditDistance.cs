namespace Hctr.Policy.Diagnostics;

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions) for "did you mean" hints.</summary>
public static class EditDistance
{
    public static int Compute(string a, string b)
    {
        var rows = a.Length + 1;
        var cols = b.Length + 1;
        var d = new int[rows * cols];
        for (var i = 0; i < rows; i++) d[i * cols] = i;
        for (var j = 0; j < cols; j++) d[j] = j;
        for (var i = 1; i < rows; i++)
        {
            for (var j = 1; j < cols; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1), d[(i - 1) * cols + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, d[(i - 2) * cols + j - 2] + 1);
                d[i * cols + j] = v;
            }
        }
        return d[rows * cols - 1];
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
