using Backtest.Testing;
using Backtest.Core.Bars;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Engine;

/// <summary>Deterministic test markets: a TestRandom random walk with opens that gap from the previous close, volumes and 8-hourly funding.</summary>
internal static class SyntheticBars
{
    public const long Start = 1_704_067_500_000; // 2024-01-01 00:05 UTC, a 5m bar close

    /// <summary>A geometric random walk of <paramref name="n"/> 5m bars (or <paramref name="timeframe"/>).</summary>
    public static BarFrame RandomWalk(int n, ulong seed, string symbol = "BTCUSDT", double start = 60_000, double barVol = 0.002,
        string timeframe = "5m", bool funding = true)
    {
        var rng = new TestRandom(seed);
        var tf = Timeframe.Parse(timeframe);
        var ts = new long[n]; var open = new double[n]; var high = new double[n]; var low = new double[n]; var close = new double[n];
        var volume = new double[n]; var quote = new double[n]; var rate = new double[n]; var interval = new double[n];
        var oi = new double[n]; var filled = new bool[n];
        var prev = start;
        var barsPerSettlement = (int)(8 * 60 / tf.Minutes);
        for (var i = 0; i < n; i++)
        {
            ts[i] = Start + i * tf.Milliseconds;
            open[i] = prev * (1 + 0.0002 * rng.NextGaussian());
            close[i] = open[i] * Math.Exp(barVol * rng.NextGaussian());
            high[i] = Math.Max(open[i], close[i]) * (1 + 0.001 * Math.Abs(rng.NextGaussian()));
            low[i] = Math.Min(open[i], close[i]) * (1 - 0.001 * Math.Abs(rng.NextGaussian()));
            volume[i] = 50 + 100 * rng.NextDouble();
            quote[i] = volume[i] * close[i];
            oi[i] = double.NaN;
            if (funding && barsPerSettlement > 0 && (i + 1) % barsPerSettlement == 0)
            {
                interval[i] = 8;
                rate[i] = 0.0001 * (1 + rng.NextGaussian());
            }
            prev = close[i];
        }
        return new BarFrame(symbol, tf, ts, open, high, low, close, volume, quote, rate, interval, oi, filled);
    }

    /// <summary>A frame from explicit opens and closes (high/low bracket them), for hand-checked cases.</summary>
    public static BarFrame FromPrices(double[] open, double[] close, string symbol = "BTCUSDT", double quoteVolume = 1e9)
    {
        var n = open.Length;
        var ts = new long[n];
        for (var i = 0; i < n; i++) ts[i] = Start + i * 300_000L;
        var high = new double[n]; var low = new double[n];
        for (var i = 0; i < n; i++) { high[i] = Math.Max(open[i], close[i]); low[i] = Math.Min(open[i], close[i]); }
        return new BarFrame(symbol, Timeframe.Parse("5m"), ts, open, high, low, close, Enumerable.Repeat(1.0, n).ToArray(),
            Enumerable.Repeat(quoteVolume, n).ToArray(), new double[n], new double[n], Enumerable.Repeat(double.NaN, n).ToArray(), new bool[n]);
    }

    /// <summary>A boolean column true at the given bars.</summary>
    public static bool[] At(int n, params int[] bars)
    {
        var signal = new bool[n];
        foreach (var b in bars) signal[b] = true;
        return signal;
    }
}
