namespace Backtest.Core.Simulation;

/// <summary>
/// A price tick of 10^Exponent held as an exact integer power of ten, so prices round to the closest double
/// of a decimal tick multiple (42000.1, not 42000.100000000006) with one correctly rounded division.
/// </summary>
internal readonly record struct TickScale
{
    private readonly double _powerOfTen; // 10^|Exponent|, exact for |Exponent| ≤ 22

    /// <summary>A tick of 10^<paramref name="exponent"/>.</summary>
    public TickScale(int exponent)
    {
        if (exponent is < -22 or > 22) throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "ticks from 1e-22 to 1e22 only");
        Exponent = exponent;
        var r = 1.0;
        for (var i = 0; i < Math.Abs(exponent); i++) r *= 10;
        _powerOfTen = r;
    }

    /// <summary>The tick is 10^Exponent.</summary>
    public int Exponent { get; }

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
    public double Tick => Exponent >= 0 ? _powerOfTen : 1.0 / _powerOfTen;

    /// <summary>Rounds a price to the nearest tick, never below one tick.</summary>
    public double Round(double price)
    {
        if (Exponent >= 0)
        {
            var rounded = Math.Round(price / _powerOfTen, MidpointRounding.ToEven) * _powerOfTen;
            return rounded < _powerOfTen ? _powerOfTen : rounded;
        }
        var units = Math.Round(price * _powerOfTen, MidpointRounding.ToEven);
        return (units < 1 ? 1 : units) / _powerOfTen;
    }
}
