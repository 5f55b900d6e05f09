using System.Globalization;

namespace Backtest.Stages.Reporting.Charts;

/// <summary>
/// Number text for charts: coordinates with one decimal (no "-0", no exponent) and axis labels whose decimals
/// follow the tick step, so the same chart always prints the same bytes.
/// </summary>
internal static class ChartText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A pixel coordinate: one decimal is finer than any screen needs and keeps the SVG small.</summary>
    public static string Coord(double v) => (Math.Round(v, 1) + 0.0).ToString("0.#", Inv);

    /// <summary>
    /// An axis tick label for <paramref name="value"/> on <paramref name="scale"/>: decimals follow the step, and
    /// one unit (k, M, B, T or scientific) serves the whole axis, chosen from its largest bound, so labels never
    /// mix "5,000" with "10k". Zero is always a bare "0" (or "0%").
    /// </summary>
    public static string Tick(double value, NiceScale scale, AxisFormat format)
    {
        var magnitude = Math.Max(Math.Abs(scale.Min), Math.Abs(scale.Max));
        var percent = format == AxisFormat.Percent;
        var unit = percent ? "%" : "";
        if (value == 0) return "0" + unit;
        if (percent)
            return magnitude >= 1e13 ? ReportNumbers.Scientific(value, exponentShift: 2) + unit : Scaled(value * 100, scale.Step * 100) + unit;
        if (magnitude >= 1e15) return ReportNumbers.Scientific(value);
        (double divisor, string suffix) = magnitude >= 1e12 ? (1e12, "T") : magnitude >= 1e9 ? (1e9, "B")
            : magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e4 ? (1e3, "k") : (1, "");
        return Scaled(value / divisor, scale.Step / divisor) + suffix;
    }

    /// <summary>A value label next to a bar: percent with sign, or an amount with thousands separators.</summary>
    public static string Value(double value, AxisFormat format) => format == AxisFormat.Percent
        ? ReportNumbers.Percent(value)
        : ReportNumbers.Money(value);

    private static string Scaled(double value, double step)
    {
        var tiny = double.IsFinite(step) && step > 0 ? step < 1e-6 : Math.Abs(value) < 1e-6;
        if (tiny) return (value + 0.0).ToString("0.###E+0", Inv);
        var decimals = double.IsFinite(step) && step > 0
            ? Math.Clamp((int)-Math.Floor(Math.Log10(step) + 1e-9), 0, 6)
            : Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        var pattern = decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
        return (Math.Round(value, decimals) + 0.0).ToString(pattern, Inv);
    }
}
