namespace Backtest.Stages.Reporting.Charts;

/// <summary>
/// A value axis whose bounds and ticks fall on 1-2-5 steps (Heckbert's "nice numbers"), so a reader sees round
/// values whatever the data: flat series get a padded range instead of a division by zero, and ranges too wide
/// for nice rounding fall back to the raw bounds rather than to infinities.
/// </summary>
public sealed record NiceScale(double Min, double Max, double Step, double[] Ticks)
{
    private const int MaxTicks = 40;

    /// <summary>
    /// The scale covering [<paramref name="dataMin"/>, <paramref name="dataMax"/>] (finite, min ≤ max) with about
    /// <paramref name="targetTicks"/> ticks; <paramref name="flatPad"/> is the half-range used when the data is a
    /// constant zero (1 for amounts, 0.01 for fractions shown as percent).
    /// </summary>
    public static NiceScale Create(double dataMin, double dataMax, int targetTicks = 5, double flatPad = 1)
    {
        if (!double.IsFinite(dataMin) || !double.IsFinite(dataMax) || dataMin > dataMax)
            throw new ArgumentException($"a scale needs finite bounds with min <= max, got [{dataMin}, {dataMax}]");
        if (targetTicks < 2) throw new ArgumentOutOfRangeException(nameof(targetTicks), targetTicks, "at least two ticks");
        if (!(flatPad > 0) || !double.IsFinite(flatPad)) throw new ArgumentOutOfRangeException(nameof(flatPad), flatPad, "a positive finite pad");

        var lo = dataMin;
        var hi = dataMax;
        if (lo == hi)
        {
            var pad = lo == 0 ? flatPad : Math.Abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo == hi) return Raw(dataMin, dataMax);
        }

        var step = NiceNumber((hi - lo) / (targetTicks - 1), round: true);
        if (!double.IsFinite(step) || step <= 0) return Raw(lo, hi);
        var first = Math.Floor(lo / step);
        var last = Math.Ceiling(hi / step);
        var count = last - first + 1;
        if (!(count >= 2 && count <= MaxTicks)) return Raw(lo, hi);

        var ticks = new double[(int)count];
        for (var i = 0; i < ticks.Length; i++) ticks[i] = (first + i) * step + 0.0; // + 0.0 turns -0 into 0
        if (!double.IsFinite(ticks[0]) || !double.IsFinite(ticks[^1])) return Raw(lo, hi);
        return new NiceScale(ticks[0], ticks[^1], step, ticks);
    }

    /// <summary>Where <paramref name="value"/> falls between <see cref="Min"/> (0) and <see cref="Max"/> (1); halves avoid overflow on huge ranges.</summary>
    public double Fraction(double value)
    {
        var span = Max * 0.5 - Min * 0.5;
        return span > 0 ? (value * 0.5 - Min * 0.5) / span : 0.5;
    }

    /// <summary>The raw bounds as the only ticks: used when nice rounding would overflow or the data is one extreme value.</summary>
    private static NiceScale Raw(double lo, double hi) =>
        new(lo, hi, double.NaN, lo == hi ? [lo] : [lo, hi]);

    /// <summary>The 1, 2, 5 or 10 times a power of ten nearest to (round) or at least (not round) <paramref name="x"/>.</summary>
    private static double NiceNumber(double x, bool round)
    {
        if (!(x > 0) || !double.IsFinite(x)) return double.NaN;
        var exponent = Math.Floor(Math.Log10(x));
        var power = Math.Pow(10, exponent);
        var fraction = x / power;
        double nice;
        if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
