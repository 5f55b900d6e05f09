using Backtest.Testing;
using Backtest.Core.Features.Kernels;

namespace Backtest.Core.Tests.Features;

/// <summary>
/// Rolling moments must be exact where the textbook shortcut E[x²] − E[x]² is not: a huge offset with small noise,
/// and a huge spike that has left the window. The data are exactly representable (1e9 + k/8), so the exact answer
/// comes from integer arithmetic on k.
/// </summary>
public sealed class RollingExactnessTests
{
    private static (double[] X, long[] K) OffsetSeries(int n, ulong seed, double offset = 1e9)
    {
        var rng = new TestRandom(seed);
        var k = new long[n];
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            k[i] = rng.NextInt(64);
            x[i] = offset + k[i] / 8.0; // exact: ulp(1e9) is 2^-23
        }
        return (x, k);
    }

    /// <summary>Exact variance of x[t−w+1..t] = (w·Σk² − (Σk)²) / (64·w·(w−ddof)) from integers.</summary>
    private static double ExactVariance(long[] k, int t, int window, int ddof)
    {
        long sum = 0, sumSquares = 0;
        for (var i = t - window + 1; i <= t; i++)
        {
            sum += k[i];
            sumSquares += k[i] * k[i];
        }
        return (window * sumSquares - sum * sum) / (64.0 * window * (window - ddof));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(12, 0)]
    [InlineData(12, 1)]
    [InlineData(288, 0)]
    [InlineData(1000, 1)]
    public void Rolling_std_keeps_full_precision_on_1e9_plus_noise(int window, int ddof)
    {
        var (x, k) = OffsetSeries(5000, (ulong)(window * 10 + ddof));
        var std = new double[x.Length];
        FeatureKernels.RollingStd(x, window, ddof, std);

        double worstOurs = 0, worstNaive = 0;
        for (var t = window - 1; t < x.Length; t++)
        {
            var exact = Math.Sqrt(ExactVariance(k, t, window, ddof));
            if (exact == 0) continue;
            worstOurs = Math.Max(worstOurs, Math.Abs(std[t] - exact) / exact);

            // The shortcut, as TA-Lib's running sums and many libraries compute it.
            double s = 0, s2 = 0;
            for (var i = t - window + 1; i <= t; i++)
            {
                s += x[i];
                s2 += x[i] * x[i];
            }
            var naive = Math.Sqrt(Math.Max(0, (s2 - s * s / window) / (window - ddof)));
            worstNaive = Math.Max(worstNaive, Math.Abs(naive - exact) / exact);
        }
        Assert.True(worstOurs < 1e-12, $"exact kernel: worst relative error {worstOurs:R}");
        Assert.True(worstNaive > 1e-2, $"the shortcut should fail on this data (worst relative error {worstNaive:R}), or the test proves nothing");
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(97, 1)]
    public void Zscore_keeps_full_precision_on_1e9_plus_noise(int window, int ddof)
    {
        var (x, k) = OffsetSeries(3000, (ulong)(window + 7 * ddof));
        var z = new double[x.Length];
        FeatureKernels.RollingZScore(x, window, ddof, z);
        for (var t = window - 1; t < x.Length; t++)
        {
            long sum = 0;
            for (var i = t - window + 1; i <= t; i++) sum += k[i];
            var variance = ExactVariance(k, t, window, ddof);
            var exact = (k[t] - sum / (double)window) / 8.0 / Math.Sqrt(variance);
            Assert.True(Math.Abs(z[t] - exact) <= 1e-9 * Math.Max(1, Math.Abs(exact)), $"z[{t}] = {z[t]:R}, exact {exact:R}");
        }
    }

    [Fact]
    public void A_spike_leaving_the_window_leaves_no_residue()
    {
        // Small integers around 1000, one 1e12 spike: once it has left the window, the deviation must be the
        // small-data value again (an add-and-subtract update keeps an error of ~1e-16 × 1e24 in M2).
        const int window = 10;
        var (x, k) = OffsetSeries(200, 5, offset: 1000);
        const int spikeAt = 57;
        x[spikeAt] = 1e12;
        var std = new double[x.Length];
        var sum = new double[x.Length];
        FeatureKernels.RollingStd(x, window, 0, std);
        FeatureKernels.RollingSum(x, window, sum);
        for (var t = window - 1; t < x.Length; t++)
        {
            if (t >= spikeAt && t < spikeAt + window) continue;
            var exact = Math.Sqrt(ExactVariance(k, t, window, 0));
            Assert.True(Math.Abs(std[t] - exact) <= 1e-12 * exact, $"std[{t}] = {std[t]:R}, exact {exact:R}");
            long ks = 0;
            for (var i = t - window + 1; i <= t; i++) ks += k[i];
            Assert.Equal(1000.0 * window + ks / 8.0, sum[t]);
        }
    }

    [Fact]
    public void A_constant_window_has_exactly_zero_deviation_and_no_zscore()
    {
        double[] x = [5, 5, 5, 1e9 + 0.5, 1e9 + 0.5, 1e9 + 0.5, 1e9 + 0.5];
        var std = new double[x.Length];
        var z = new double[x.Length];
        FeatureKernels.RollingStd(x, 3, 0, std);
        FeatureKernels.RollingZScore(x, 3, 0, z);
        Assert.Equal(0.0, std[2]);
        Assert.Equal(0.0, std[5]);
        Assert.Equal(0.0, std[6]);
        Assert.True(double.IsNaN(z[2]) && double.IsNaN(z[6]));
        Assert.True(std[3] > 0 && double.IsFinite(z[3]));
    }
}
