using Backtest.Core.Statistics;
using Backtest.Core.Time;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class PerformanceMetricsTests
{
    private const long Hour = 3_600_000L;
    private const long Day = 86_400_000L;

    [Fact]
    public void Hand_computed_hourly_example_across_midnight()
    {
        // 2024-01-01 is day 19723 since the epoch. Bars close 22:00, 23:00, 00:00 (still Jan 1), 01:00, 02:00.
        var d0 = 19723 * Day;
        long[] ts = [d0 + 22 * Hour, d0 + 23 * Hour, d0 + 24 * Hour, d0 + 25 * Hour, d0 + 26 * Hour];
        double[] equity = [101, 99, 102, 100, 103];
        double[] position = [0, 1000, 1000, 0, -500];
        double[] traded = [1000, 0, 0, 1000, 500];
        double[] trades = [0.01, -0.005, 0.02];

        var s = PerformanceMetrics.Compute(Timeframe.Parse("1h"), 100.0, ts, equity, position, traded, trades);

        Assert.Equal(5, s.Bars);
        Assert.Equal(2, s.Days);
        Assert.Equal(0.03, s.TotalReturn, 14);
        Assert.Equal(Math.Pow(1.03, 8760.0 / 5) - 1, s.AnnualReturn, 6);
        double[] daily = [102.0 / 100 - 1, 103.0 / 102 - 1];
        var dm = (daily[0] + daily[1]) / 2;
        var dsd = Math.Abs(daily[0] - daily[1]) / Math.Sqrt(2);
        Assert.Equal(dm / dsd, s.DailySharpePerDay, 12);
        Assert.Equal(dm / dsd * Math.Sqrt(365), s.DailySharpe, 11);
        Assert.True(double.IsNaN(s.DailySortino));   // no losing day
        double[] bars = [0.01, 99.0 / 101 - 1, 102.0 / 99 - 1, 100.0 / 102 - 1, 0.03];
        var bm = bars.Average();
        var bsd = Math.Sqrt(bars.Sum(r => (r - bm) * (r - bm)) / 4);
        Assert.Equal(bm / bsd, s.BarSharpePerBar, 12);
        Assert.Equal(bm / bsd * Math.Sqrt(8760), s.BarSharpe, 10);
        Assert.Equal(2.0 / 101, s.MaxDrawdown, 14);
        Assert.Equal(1, s.MaxDrawdownBars);
        Assert.Equal(1.0 / 24, s.MaxDrawdownDays, 14);
        Assert.Equal(3, s.Trades);
        Assert.Equal(2.0 / 3, s.HitRate, 14);
        Assert.Equal(0.025 / 3 * 1e4, s.AverageTradeBps, 10);
        Assert.Equal(3.0 / 5, s.Exposure, 14);
        Assert.Equal(2500.0 / 101 * (8760.0 / 5), s.AnnualTurnover, 8);
    }

    [Fact]
    public void Drawdown_duration_counts_until_recovery_or_the_end()
    {
        var tf = Timeframe.Parse("5m");
        var ts = Enumerable.Range(1, 9).Select(i => i * tf.Milliseconds).ToArray();
        double[] equity = [100, 110, 105, 104, 111, 108, 107, 106, 105];   // 2 bars under 110, then 4 under 111 (never recovered)
        var zeros = new double[9];
        var s = PerformanceMetrics.Compute(tf, 100, ts, equity, zeros, zeros, []);
        Assert.Equal(4, s.MaxDrawdownBars);
        Assert.Equal(4 * 5 / 1440.0, s.MaxDrawdownDays, 14);
        Assert.Equal(1 - 104.0 / 110, s.MaxDrawdown, 14);   // deeper than 1 − 105/111
        Assert.Equal(0.0, s.Exposure);
        Assert.Equal(0.0, s.AnnualTurnover);
        Assert.Equal(0, s.Trades);
        Assert.True(double.IsNaN(s.HitRate) && double.IsNaN(s.AverageTradeBps));
        Assert.Equal(1, s.Days);
        Assert.True(double.IsNaN(s.DailySharpe));   // one day: no daily dispersion
    }

    [Fact]
    public void Losses_from_the_initial_equity_count_as_drawdown()
    {
        var tf = Timeframe.Parse("1h");
        long[] ts = [Hour, 2 * Hour];
        var s = PerformanceMetrics.Compute(tf, 100, ts, [90, 95], [1, 1], [0, 0], []);
        Assert.Equal(0.1, s.MaxDrawdown, 14);
        Assert.Equal(2, s.MaxDrawdownBars);
    }

    [Fact]
    public void Utc_day_of_a_bar_is_the_day_its_interval_ends_in()
    {
        Assert.Equal(0, PerformanceMetrics.UtcDay(Day));          // closes at midnight: the day that just ended
        Assert.Equal(1, PerformanceMetrics.UtcDay(Day + 1));
        Assert.Equal(0, PerformanceMetrics.UtcDay(1));
        Assert.Equal(-1, PerformanceMetrics.UtcDay(0));
        Assert.Equal(-1, PerformanceMetrics.UtcDay(-Day + 1));
        Assert.Equal(-2, PerformanceMetrics.UtcDay(-Day));
    }

    [Fact]
    public void Equity_from_pnl_accumulates()
    {
        var e = new double[3];
        PerformanceMetrics.EquityFromPnl(1000, [5, -20, 7.5], e);
        Assert.Equal([1005, 985, 992.5], e);
    }

    [Fact]
    public void Empty_and_invalid_inputs()
    {
        var tf = Timeframe.Parse("5m");
        var empty = PerformanceMetrics.Compute(tf, 100, [], [], [], [], []);
        Assert.Equal(0, empty.Bars);
        Assert.Equal(0, empty.Days);
        Assert.Equal(0.0, empty.TotalReturn);
        Assert.True(double.IsNaN(empty.AnnualReturn) && double.IsNaN(empty.DailySharpe) && double.IsNaN(empty.Exposure));

        Assert.Throws<ArgumentException>(() => PerformanceMetrics.Compute(tf, 100, [1, 2], [1.0], [0, 0], [0, 0], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceMetrics.Compute(tf, 0, [1], [1.0], [0.0], [0.0], []));
        var ex = Assert.Throws<ArgumentException>(() => PerformanceMetrics.Compute(tf, 100, [5, 5], [1.0, 1.0], [0, 0], [0, 0], []));
        Assert.Contains("bar 1", ex.Message);
        Assert.Throws<ArgumentException>(() => PerformanceMetrics.Compute(tf, 100, [1, 2], [1.0, double.NaN], [0, 0], [0, 0], []));
        Assert.Throws<ArgumentException>(() => PerformanceMetrics.Compute(tf, 100, [1, 2], [1.0, 1.0], [0, 0], [0, -1], []));
        Assert.Throws<ArgumentException>(() => PerformanceMetrics.Compute(tf, 100, [1, 2], [1.0, 1.0], [0, 0], [0, 0], [double.NaN]));
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Matches_a_pandas_computation_on_a_random_five_minute_curve()
    {
        ReferenceTools.Require(ReferenceTools.Python);
        var tf = Timeframe.Parse("5m");
        var rng = new TestRandom(77);
        const int n = 288 * 45 + 137;                       // 45 days and a bit, starting mid-day
        var start = 19723 * Day + 13 * Hour + 35 * 60_000;  // a close at 13:35 UTC
        var ts = new long[n];
        var equity = new double[n];
        var position = new double[n];
        var traded = new double[n];
        var e = 10_000.0;
        var pos = 0.0;
        for (var t = 0; t < n; t++)
        {
            ts[t] = start + t * tf.Milliseconds;
            if (rng.NextDouble() < 0.01)
            {
                var next = rng.NextDouble() < 0.3 ? 0.0 : (rng.NextDouble() < 0.5 ? -1 : 1) * e * (0.5 + rng.NextDouble());
                traded[t] = Math.Abs(next - pos);
                pos = next;
            }
            position[t] = pos;
            e *= 1 + (pos != 0 ? 0.002 * rng.NextNormal() + 0.00005 : 0.0);
            equity[t] = e;
        }
        var trades = rng.Normals(57, 0.001, 0.01);

        var script = """
            import sys, math, numpy as np, pandas as pd
            lines = sys.stdin.read().strip().split('\n')
            ts = np.array(lines[0].split(), dtype=np.int64)
            eq, pos, traded, trades = [np.array(l.split(), dtype=float) for l in lines[1:5]]
            e0 = 10000.0
            n = len(ts)
            s = pd.Series(eq, index=pd.to_datetime(ts - 1, unit='ms'))   # the instant just before the close
            day_end = s.resample('D').last().dropna()
            daily = day_end / day_end.shift(1, fill_value=e0) - 1
            d = daily.to_numpy()
            bars = np.diff(np.concatenate([[e0], eq])) / np.concatenate([[e0], eq[:-1]])
            peak = np.maximum.accumulate(np.concatenate([[e0], eq]))[1:]
            under = eq < peak
            longest = run = 0
            for u in under:
                run = run + 1 if u else 0
                longest = max(longest, run)
            years = n * 5 / (365 * 1440)
            down = np.sqrt(np.mean(np.minimum(d, 0) ** 2))
            print('days', len(d))
            print('total', repr(eq[-1] / e0 - 1))
            print('annual', repr((eq[-1] / e0) ** (1 / years) - 1))
            print('dsharpe', repr(d.mean() / d.std(ddof=1) * math.sqrt(365)))
            print('sortino', repr(d.mean() / down * math.sqrt(365)))
            print('bsharpe', repr(bars.mean() / bars.std(ddof=1) * math.sqrt(105120)))
            print('mdd', repr(float((1 - eq / peak).max())))
            print('mddbars', longest)
            print('hit', repr(float((trades > 0).mean())))
            print('avg', repr(float(trades.mean() * 1e4)))
            print('exposure', repr(float((pos != 0).mean())))
            print('turnover', repr(float(traded.sum() / eq.mean() * 105120 / n)))
            """;
        var stdin = string.Join('\n', string.Join(' ', ts), StatisticsVectors.Format(equity), StatisticsVectors.Format(position),
            StatisticsVectors.Format(traded), StatisticsVectors.Format(trades));
        var py = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, stdin));

        var s = PerformanceMetrics.Compute(tf, 10_000.0, ts, equity, position, traded, trades);
        Assert.Equal((int)py["days"][0], s.Days);
        AssertRelative(py["total"][0], s.TotalReturn, 1e-11, "total return");
        AssertRelative(py["annual"][0], s.AnnualReturn, 1e-9, "annual return");
        AssertRelative(py["dsharpe"][0], s.DailySharpe, 1e-10, "daily Sharpe");
        AssertRelative(py["sortino"][0], s.DailySortino, 1e-10, "daily Sortino");
        AssertRelative(py["bsharpe"][0], s.BarSharpe, 1e-9, "bar Sharpe");
        AssertRelative(py["mdd"][0], s.MaxDrawdown, 1e-12, "max drawdown");
        Assert.Equal((int)py["mddbars"][0], s.MaxDrawdownBars);
        AssertRelative(py["hit"][0], s.HitRate, 1e-14, "hit rate");
        AssertRelative(py["avg"][0], s.AverageTradeBps, 1e-11, "average trade");
        AssertRelative(py["exposure"][0], s.Exposure, 1e-14, "exposure");
        AssertRelative(py["turnover"][0], s.AnnualTurnover, 1e-11, "turnover");
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: reference {expected:R}, ours {actual:R}");
}
