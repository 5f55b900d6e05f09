namespace Backtest.Core.Expressions.Syntax;

/// <summary>Finds the closest known name to a misspelt one, for "did you mean" hints in error messages.</summary>
internal static class SpellingSuggestion
{
    /// <summary>
    /// The candidate nearest to <paramref name="name"/> by optimal-string-alignment distance (a swap of two
    /// neighbours counts as one edit: "hihgest" → "highest"), if within a third of its length (at least 1);
    /// ties go to the ordinally smallest candidate so the hint is deterministic.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(name, candidate);
            if (d > limit) continue;
            if (d < bestDistance || d == bestDistance && string.CompareOrdinal(candidate, best) < 0)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
