using Backtest.Core.Time;

namespace Backtest.Core.Simulation;

/// <summary>
/// Hour-of-day shape of crypto activity: quiet in the Asian night (03–06 UTC), peaking at the US open
/// (14 UTC). The hourly figures are Binance BTCUSDT perpetual 5m averages over 2023-01 … 2025-03
/// (volume and return standard deviation, each divided by its daily mean), interpolated linearly between
/// hour centres and averaged over each bar. Volatility and volume share the clock, which is also what makes
/// |returns| and volume co-move in real data.
/// </summary>
internal static class IntradaySeasonality
{
    private static ReadOnlySpan<double> HourlyVolume =>
        [0.89, 0.88, 0.81, 0.66, 0.61, 0.61, 0.65, 0.75, 0.81, 0.79, 0.78, 0.80,
         1.11, 1.46, 1.94, 1.83, 1.52, 1.33, 1.20, 1.15, 1.07, 0.83, 0.78, 0.73];

    private static ReadOnlySpan<double> HourlyVolatility =>
        [1.02, 1.06, 0.91, 0.73, 0.71, 0.69, 0.77, 0.73, 0.79, 0.77, 0.75, 0.76,
         1.07, 1.20, 1.39, 1.27, 1.17, 1.17, 1.09, 1.08, 1.12, 1.27, 1.09, 0.84];

    /// <summary>Volume multiplier per bar of the day (index = bar open minute of day / timeframe minutes), mean 1.</summary>
    public static double[] VolumeByBarOfDay(Timeframe timeframe) => ByBarOfDay(HourlyVolume, timeframe, meanSquare: false);

    /// <summary>Return standard deviation multiplier per bar of the day, mean square 1 (so variance averages to 1).</summary>
    public static double[] VolatilityByBarOfDay(Timeframe timeframe) => ByBarOfDay(HourlyVolatility, timeframe, meanSquare: true);

    private static double[] ByBarOfDay(ReadOnlySpan<double> hourly, Timeframe timeframe, bool meanSquare)
    {
        if (timeframe.Minutes >= 1440) return [1.0];
        Span<double> minute = stackalloc double[1440];
        for (var m = 0; m < 1440; m++)
        {
            // linear between hour centres (h*60+30), wrapping around midnight
            var pos = (m + 0.5 - 30.0) / 60.0;
            var h0 = (int)Math.Floor(pos);
            var w = pos - h0;
            var a = hourly[((h0 % 24) + 24) % 24];
            var b = hourly[(((h0 + 1) % 24) + 24) % 24];
            minute[m] = a + (b - a) * w;
        }
        var bars = 1440 / timeframe.Minutes;
        var profile = new double[bars];
        double norm = 0;
        for (var k = 0; k < bars; k++)
        {
            double sum = 0;
            for (var m = k * timeframe.Minutes; m < (k + 1) * timeframe.Minutes; m++) sum += meanSquare ? minute[m] * minute[m] : minute[m];
            // a bar's volume is the sum of its minutes; its variance is the sum of its minutes' variances
            profile[k] = meanSquare ? Math.Sqrt(sum / timeframe.Minutes) : sum / timeframe.Minutes;
            norm += meanSquare ? profile[k] * profile[k] : profile[k];
        }
        norm /= bars;
        var scale = meanSquare ? 1.0 / Math.Sqrt(norm) : 1.0 / norm;
        for (var k = 0; k < bars; k++) profile[k] *= scale;
        return profile;
    }
}
