namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Puts rows from several files (monthly zips, seg1/seg2 exports, daily files) into one time order. Each file is
/// already in time order, so files are laid end to end by their first time; only when files overlap is a stable
/// merge needed, and then rows with equal times stay adjacent, earlier file first, for the Clean stage to resolve.
/// </summary>
internal static class RunMerge
{
    /// <summary>The order to concatenate runs in: by first time, then last time, then given position (deterministic).</summary>
    public static int[] RunOrder(IReadOnlyList<long[]> ts, IReadOnlyList<int> counts)
    {
        var order = new int[ts.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = ts[a][0].CompareTo(ts[b][0]);
            if (c != 0) return c;
            c = ts[a][counts[a] - 1].CompareTo(ts[b][counts[b] - 1]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>
    /// For rows concatenated run after run (<paramref name="runLengths"/> in concatenation order), the row order
    /// that makes <paramref name="ts"/> non-decreasing, or null when the concatenation already is.
    /// </summary>
    public static int[]? RowOrder(long[] ts, IReadOnlyList<int> runLengths)
    {
        var sorted = true;
        for (var i = 1; i < ts.Length && sorted; i++) sorted = ts[i] >= ts[i - 1];
        if (sorted) return null;

        var order = new int[ts.Length];
        var scratch = new int[ts.Length];
        var merged = runLengths[0];
        for (var i = 0; i < merged; i++) order[i] = i;
        for (var r = 1; r < runLengths.Count; r++)
        {
            int a = 0, b = merged, bEnd = merged + runLengths[r], o = 0;
            while (a < merged && b < bEnd)
                scratch[o++] = ts[b] < ts[order[a]] ? b++ : order[a++];
            while (a < merged) scratch[o++] = order[a++];
            while (b < bEnd) scratch[o++] = b++;
            (order, scratch) = (scratch, order);
            merged = bEnd;
        }
        return order;
    }

    /// <summary>Applies a row order to one column.</summary>
    public static T[] Permute<T>(T[] column, int[]? order)
    {
        if (order is null) return column;
        var result = new T[column.Length];
        for (var i = 0; i < order.Length; i++) result[i] = column[order[i]];
        return result;
    }
}
