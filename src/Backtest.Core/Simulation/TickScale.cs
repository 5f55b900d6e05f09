namespace Backtest.Core.Simulation;

/// <summary>
/// A price tick of 10^Exponent held as an exact integer power of ten, so prices round to the closest double
/// of a decimal tick multiple (42000.1, not 42000.100000000006) with one correctly rounded division.
/// </summary>
internal readonly record struct TickScale(int Exponent)
{
    /// <summary>The tick giving six significant digits at <paramref name="price"/>.</summary>
    public static TickScale ForPrice(double price)
    {
        if (!(price > 0) || !double.IsFinite(price)) throw new ArgumentOutOfRangeException(nameof(price), price, "a price must be positive");
        var digits = 0; // floor(log10(price)) by exact comparisons, no libm
        var p = price;
        while (p >= 10) { p /= 10; digits++; }
        while (p < 1) { p *= 10; digits--; }
        return new TickScale(digits - 5);
    }

    /// <summary>The tick size as a double.</summary>
    public double Tick => Exponent >= 0 ? PowerOfTen(Exponent) : 1.0 / PowerOfTen(-Exponent);

    /// <summary>Rounds a price to the nearest tick, never below one tick.</summary>
    public double Round(double price)
    {
        double rounded;
        if (Exponent >= 0)
        {
            var tick = PowerOfTen(Exponent);
            rounded = Math.Round(price / tick, MidpointRounding.ToEven) * tick;
            return rounded < tick ? tick : rounded;
        }
        var scale = PowerOfTen(-Exponent);
        var units = Math.Round(price * scale, MidpointRounding.ToEven);
        return (units < 1 ? 1 : units) / scale;
    }

    /// <summary>10^n exactly for n ≤ 22 (every such power is a double).</summary>
    private static double PowerOfTen(int n)
    {
        var r = 1.0;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }
}
