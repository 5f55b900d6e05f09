namespace Backtest.Core.Statistics;

/// <summary>
/// The moments PSR/DSR need, with their conventions fixed in the names: sample standard deviation
/// (ddof = 1) for the Sharpe ratio, population skewness and RAW population kurtosis (normal = 3) for
/// the Sharpe's standard error. NaN where undefined (n &lt; 2 or zero variance).
/// </summary>
public readonly record struct SampleMoments(int Count, double Mean, double StandardDeviation, double Skewness, double RawKurtosis)
{
    /// <summary>Per-period Sharpe ratio mean / sd (ddof = 1); NaN when sd is 0 or undefined.</summary>
    public double SharpeRatio => StandardDeviation > 0.0 ? Mean / StandardDeviation : double.NaN;

    /// <summary>Excess kurtosis (raw − 3), for display only: the PSR formulas take the raw value.</summary>
    public double ExcessKurtosis => RawKurtosis - 3.0;

    /// <summary>
    /// Computes the moments in two passes (mean first, then centred powers) so that returns with a mean far
    /// from zero lose no precision.
    /// </summary>
    public static SampleMoments Of(ReadOnlySpan<double> x)
    {
        var n = x.Length;
        if (n == 0) return new SampleMoments(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var sum = 0.0;
        var min = x[0];
        var max = x[0];
        foreach (var v in x)
        {
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        var mean = sum / n;
        if (n == 1 || double.IsNaN(sum)) return new SampleMoments(n, mean, double.NaN, double.NaN, double.NaN);
        // Identical values: variance is exactly 0 and the higher standardised moments are undefined.
        if (min == max) return new SampleMoments(n, x[0], 0.0, double.NaN, double.NaN);

        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in x)
        {
            var d = v - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        var sd = Math.Sqrt(m2 / (n - 1));
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new SampleMoments(n, mean, sd, m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2));
    }
}
