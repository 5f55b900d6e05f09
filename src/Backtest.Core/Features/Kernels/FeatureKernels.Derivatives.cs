namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>
    /// Funding level: the most recently settled funding rate, carried forward to every bar until the next
    /// settlement. A settlement bar is one with <paramref name="intervalHours"/> &gt; 0 (a rate of exactly 0 is a real
    /// print, not a missing one). NaN before the first settlement. With <paramref name="annualize"/> the rate is
    /// scaled by 8760 / interval hours, so 8h and 4h symbols compare (0.0001 per 8h → 0.1095 a year).
    /// </summary>
    public static void FundingLevel(ReadOnlySpan<double> rate, ReadOnlySpan<double> intervalHours, bool annualize, Span<double> y)
    {
        CheckLength(rate.Length, y.Length, "funding rate");
        CheckLength(intervalHours.Length, y.Length, "funding interval hours");
        var level = double.NaN;
        for (var t = 0; t < y.Length; t++)
        {
            var hours = intervalHours[t];
            if (hours > 0) level = annualize ? rate[t] * (365.0 * 24.0 / hours) : rate[t];
            y[t] = level;
        }
    }
}
