namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>
    /// Exponential moving average with TA-Lib's default conventions: α = 2/(period+1); the seed is the simple mean
    /// of the first <paramref name="period"/> values and is the first output, at index period−1 (earlier outputs
    /// NaN); then y[t] = y[t−1] + α·(x[t] − y[t−1]). The recursion is evaluated as y[t−1]·(1−α) + α·x[t] with one
    /// fused multiply-add (a 4-cycle dependency chain instead of TA-Lib's 8), which agrees with TA-Lib to a few
    /// ulps. NaN inputs: see the recursive rule on <see cref="FeatureKernels"/>.
    /// </summary>
    public static void Ema(ReadOnlySpan<double> x, int period, Span<double> y)
    {
        CheckPeriod(period, 1);
        CheckLength(x.Length, y.Length);
        var alpha = 2.0 / (period + 1);
        var beta = 1.0 - alpha;
        var n = x.Length;
        var i = 0;
        while (i < n)
        {
            // Seed: the first `period` consecutive defined values of this run.
            var start = i;
            double sum = 0;
            while (i < n && i - start < period)
            {
                var v = x[i];
                if (double.IsNaN(v)) break;
                sum += v;
                y[i] = double.NaN;
                i++;
            }
            if (i - start < period)
            {
                if (i < n) y[i++] = double.NaN; // the NaN that cut the run
                continue;
            }
            var ema = sum / period;
            y[i - 1] = ema;
            for (; i < n; i++)
            {
                var v = x[i];
                if (double.IsNaN(v)) break;
                ema = Math.FusedMultiplyAdd(ema, beta, alpha * v);
                y[i] = ema;
            }
        }
    }
}
