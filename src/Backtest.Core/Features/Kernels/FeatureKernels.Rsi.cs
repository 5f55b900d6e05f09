namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>TA-Lib's tolerance (TA_EPSILON, TA-Lib ≥ 0.6) under which gains + losses count as zero.</summary>
    private const double TaLibEpsilon = 1e-14;

    /// <summary>
    /// Wilder's relative strength index with TA-Lib's conventions: the first output is at index
    /// <paramref name="period"/> (it needs period+1 prices), seeded with the simple means of the first period gains
    /// and losses; then both means are smoothed as avg·(period−1)/period + move/period (one fused multiply-add per
    /// mean; TA-Lib divides (avg·(period−1) + move) by period, a few ulps away). RSI = 100·gain/(gain + loss), so
    /// it is 100 when the average loss is 0, and — TA-Lib's exact choice — 0 when gain + loss is within ±1e-14
    /// (a flat run). That tolerance is absolute as in TA-Lib 0.6+ (0.4 used 1e-8): prices whose average bar move is
    /// below 1e-14 read as flat. A zero move counts as a gain of 0, as in TA-Lib. NaN inputs: the recursive rule on
    /// <see cref="FeatureKernels"/>.
    /// </summary>
    public static void Rsi(ReadOnlySpan<double> x, int period, Span<double> y)
    {
        CheckPeriod(period, 2);
        CheckLength(x.Length, y.Length);
        var inversePeriod = 1.0 / period;
        var beta = (period - 1) * inversePeriod;
        var n = x.Length;
        var i = 0;
        while (i < n)
        {
            var previous = x[i];
            y[i++] = double.NaN;
            if (double.IsNaN(previous)) continue;

            // Seed: simple means of the first `period` moves of this run.
            double gain = 0, loss = 0;
            var count = 0;
            while (i < n && count < period)
            {
                var v = x[i];
                if (double.IsNaN(v)) break;
                var move = v - previous;
                previous = v;
                if (move < 0) loss -= move;
                else gain += move;
                y[i++] = double.NaN;
                count++;
            }
            if (count < period) continue; // the NaN that cut the run is handled as the next run's first value
            gain /= period;
            loss /= period;
            y[i - 1] = RelativeStrength(gain, loss);
            for (; i < n; i++)
            {
                var v = x[i];
                if (double.IsNaN(v)) break;
                var move = v - previous;
                previous = v;
                // MaxNative compiles to one maxsd: no branch to mispredict on a random walk (NaN cannot reach here).
                var up = double.MaxNative(move, 0.0);
                var down = double.MaxNative(-move, 0.0);
                gain = Math.FusedMultiplyAdd(gain, beta, up * inversePeriod);
                loss = Math.FusedMultiplyAdd(loss, beta, down * inversePeriod);
                y[i] = RelativeStrength(gain, loss);
            }
        }
    }

    private static double RelativeStrength(double gain, double loss)
    {
        var total = gain + loss;
        return total is > -TaLibEpsilon and < TaLibEpsilon ? 0.0 : 100.0 * (gain / total);
    }
}
