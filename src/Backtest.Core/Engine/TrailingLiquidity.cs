using Backtest.Core.Bars;
using Backtest.Core.Costs;

namespace Backtest.Core.Engine;

/// <summary>
/// Point-in-time liquidity of one symbol at any bar and any trailing window, from prefix sums built in one pass:
/// σ_D = sample standard deviation of simple bar returns × √(bars per day), V_D = mean bar quote volume × bars per
/// day, both over the window of bars ENDING AT the asked bar (bars ≤ it, never later ones). The window is shorter at
/// the start of the data; with less than one day of returns (and fewer than 2) the estimate is NaN: unknown.
/// Bars are assumed finite (cleaned data).
/// </summary>
public sealed class TrailingLiquidity
{
    private readonly double[] _sumReturn;
    private readonly double[] _sumSquare;
    private readonly double[] _sumQuote;
    private readonly double _barsPerDay;
    private readonly int _minimumReturns;
    private readonly int _minutes;

    /// <summary>One pass over <paramref name="bars"/>; each query after that is O(1).</summary>
    public TrailingLiquidity(BarFrame bars)
    {
        var n = bars.Count;
        _minutes = bars.Timeframe.Minutes;
        _barsPerDay = 1440.0 / _minutes;
        _minimumReturns = Math.Max(2, (int)Math.Ceiling(_barsPerDay));
        // prefix sums: index i holds the sum over bars [0, i); return i is close[i]/close[i-1] − 1 (return 0 is undefined, stored as 0)
        _sumReturn = GC.AllocateUninitializedArray<double>(n + 1);
        _sumSquare = GC.AllocateUninitializedArray<double>(n + 1);
        _sumQuote = GC.AllocateUninitializedArray<double>(n + 1);
        _sumReturn[0] = _sumSquare[0] = _sumQuote[0] = 0;
        if (n == 0) return;
        var close = bars.Close;
        var quote = bars.QuoteVolume;
        double sr = 0, ss = 0, sq = quote[0];
        _sumReturn[1] = 0; _sumSquare[1] = 0; _sumQuote[1] = sq;
        for (var i = 1; i < n; i++)
        {
            var r = close[i] / close[i - 1] - 1;
            sr += r;
            ss += r * r;
            sq += quote[i];
            _sumReturn[i + 1] = sr;
            _sumSquare[i + 1] = ss;
            _sumQuote[i + 1] = sq;
        }
    }

    /// <summary>Bars in a window of <paramref name="days"/> days at this timeframe.</summary>
    public int WindowBars(int days) => (int)Math.Ceiling(days * 1440.0 / _minutes);

    /// <summary>σ_D, V_D and the mean bar quote volume over the <paramref name="days"/>-day window ending at <paramref name="bar"/>.</summary>
    public Liquidity At(int bar, int days)
    {
        var w = WindowBars(days);
        var firstBar = Math.Max(0, bar - w + 1);
        var volumeCount = bar - firstBar + 1;
        var meanQuote = (_sumQuote[bar + 1] - _sumQuote[firstBar]) / volumeCount;
        return new Liquidity(DailyVolatility(bar, days), meanQuote * _barsPerDay, meanQuote);
    }

    /// <summary>σ_D over the <paramref name="days"/>-day window ending at <paramref name="bar"/>, or NaN with too few returns.</summary>
    public double DailyVolatility(int bar, int days)
    {
        var w = WindowBars(days);
        var firstReturn = Math.Max(1, bar - w + 1);
        var count = bar - firstReturn + 1;
        if (count < _minimumReturns) return double.NaN;
        var s = _sumReturn[bar + 1] - _sumReturn[firstReturn];
        var s2 = _sumSquare[bar + 1] - _sumSquare[firstReturn];
        var variance = Math.Max(0, (s2 - s * s / count) / (count - 1));
        return Math.Sqrt(variance * _barsPerDay);
    }
}
