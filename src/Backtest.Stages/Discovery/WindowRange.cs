using Backtest.Core.Research;

namespace Backtest.Stages.Discovery;

/// <summary>Maps a research window (bar closes in (from, to]) onto bar indices [Start, End) of a sorted ts column.</summary>
public readonly record struct WindowRange(int Start, int End)
{
    /// <summary>Bars in the window.</summary>
    public int Length => End - Start;

    /// <summary>The bar index range of <paramref name="window"/> in <paramref name="ts"/>.</summary>
    public static WindowRange Of(ReadOnlySpan<long> ts, ResearchWindow window) =>
        new(UpperBound(ts, window.FromTs), UpperBound(ts, window.ToTs));

    /// <summary>First index with ts &gt; value.</summary>
    private static int UpperBound(ReadOnlySpan<long> ts, long value)
    {
        int lo = 0, hi = ts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ts[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
