namespace Backtest.Core.Text;

/// <summary>"Did you mean …?" for misspelt keys and names: the nearest candidate by edit distance, if close.</summary>
public static class Suggest
{
    /// <summary>
    /// The candidate nearest to <paramref name="word"/> by optimal-string-alignment distance (a swap of two
    /// neighbours is one edit: "hihgest" → "highest"), if within a third of its length (at least 1);
    /// ties go to the ordinally smallest candidate so the hint is deterministic. Null when none is close.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(word, c);
            if (d < bestDistance) { best = c; bestDistance = d; }
        }
        var limit = Math.Max(1, word.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" when a candidate is close, else "": appended to "unknown …" messages.</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
