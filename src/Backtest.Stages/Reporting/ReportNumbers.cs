using System.Globalization;

namespace Backtest.Stages.Reporting;

/// <summary>
/// The report's number spellings, shared by HTML and Markdown so both say the same thing: invariant culture,
/// fixed decimals per kind of quantity, "n/a" for NaN, no "-0".
/// </summary>
internal static class ReportNumbers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An amount in quote currency: 1,234.57 / -0.50.</summary>
    public static string Money(double v) =>
        NonFinite(v) ?? (Math.Abs(v) >= 1e15 ? Scientific(v) : Rounded(v, 2).ToString("#,##0.00", Inv));

    /// <summary>A fraction as a signed percent: 0.0123 → +1.23%, -0.004 → -0.40%, 0 → 0.00%.</summary>
    public static string Percent(double fraction)
    {
        if (NonFinite(fraction) is { } special) return special;
        if (Math.Abs(fraction) >= 1e13) return (fraction > 0 ? "+" : "") + Scientific(fraction, exponentShift: 2) + "%";
        var pct = Rounded(fraction * 100, 2);
        var text = pct.ToString("#,##0.00", Inv) + "%";
        return pct > 0 ? "+" + text : text;
    }

    /// <summary>A ratio such as a Sharpe ratio: two decimals.</summary>
    public static string Ratio(double v) =>
        NonFinite(v) ?? (Math.Abs(v) >= 1e15 ? Scientific(v) : Rounded(v, 2).ToString("0.00", Inv));

    /// <summary>A threshold or measured value of a gate: up to four decimals, scientific when tiny, separators when large.</summary>
    public static string Number(double v)
    {
        if (NonFinite(v) is { } special) return special;
        if (v == 0) return "0";
        var magnitude = Math.Abs(v);
        if (magnitude < 1e-4 || magnitude >= 1e15) return Scientific(v);
        return Rounded(v, magnitude >= 1000 ? 2 : 4).ToString(magnitude >= 1000 ? "#,##0.##" : "0.####", Inv);
    }

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long n) => n.ToString("#,##0", Inv);

    /// <summary>
    /// Scientific notation with up to three decimals; <paramref name="exponentShift"/> multiplies by a power of ten
    /// in the text rather than in the double, so a percent of a huge value cannot overflow to infinity.
    /// </summary>
    public static string Scientific(double v, int exponentShift = 0)
    {
        var text = v.ToString("0.###E+0", Inv);
        if (exponentShift == 0) return text;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, Inv) + exponentShift;
        return text[..(e + 1)] + (exponent >= 0 ? "+" : "") + exponent.ToString(Inv);
    }

    private static double Rounded(double v, int decimals) => Math.Round(v, decimals, MidpointRounding.AwayFromZero) + 0.0;

    private static string? NonFinite(double v) =>
        double.IsNaN(v) ? "n/a" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : null;
}
