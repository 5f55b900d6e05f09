using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Backtest.Lake.Sources.Csv;

/// <summary>
/// Splits a CSV byte line and parses its fields as numbers and UTC times, throwing <see cref="RawDataException"/>
/// with file, line and field on bad input. Data Vision files never quote fields, so a quote is simply not a number.
/// </summary>
internal static class CsvFields
{
    /// <summary>Epoch values at or above this are microseconds (Binance spot from 2025-01-01); as ms they would be past year 5000.</summary>
    public const long MicrosecondThreshold = 100_000_000_000_000L;

    /// <summary>Fills <paramref name="fields"/> with the comma-separated ranges of <paramref name="line"/>; returns the true field count (may exceed the span).</summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var comma = line[start..].IndexOf((byte)',');
            var end = comma < 0 ? line.Length : start + comma;
            if (count < fields.Length) fields[count] = new Range(start, end);
            count++;
            if (comma < 0) return count;
            start = end + 1;
        }
    }

    /// <summary>True when a first field looks like data (a digit or sign) rather than a header name.</summary>
    public static bool LooksNumeric(ReadOnlySpan<byte> field) =>
        !field.IsEmpty && (char.IsAsciiDigit((char)field[0]) || field[0] == (byte)'-' || field[0] == (byte)'+' || field[0] == (byte)'.');

    /// <summary>A finite decimal number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Double(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (TryPlainDecimal(text, out var value)) return value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            return value;
        throw NotANumber(text, file, line, field);
    }

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Clinger's exact fast path for the plain decimals exchange files are made of ("-42314.00", "0.00010000"):
    /// when the digits form an integer m ≤ 2^53 and there are k ≤ 22 decimals, m and 10^k are exact doubles and
    /// one IEEE division rounds m / 10^k correctly, so the result equals double.Parse's. Anything else
    /// (exponents, long mantissas, junk) returns false for the general parser to decide. It is what makes an
    /// import run at the speed of decompression.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPlainDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var decimals = 0;
        var seenDot = false;
        var seenDigit = false;
        for (; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d <= 9)
            {
                seenDigit = true;
                if (mantissa != 0 || d != 0)
                {
                    if (++digits > 16) return false;
                    mantissa = mantissa * 10 + d;
                }
                if (seenDot) decimals++;
            }
            else if (text[i] == (byte)'.' && !seenDot) seenDot = true;
            else return false;
        }
        if (!seenDigit || decimals > 22 || mantissa > (1UL << 53)) return false;
        var result = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        value = negative ? -result : result;
        return true;
    }

    /// <summary>A finite decimal number, or NaN for an empty field (Binance metrics publish blanks for missing values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DoubleOrBlank(ReadOnlySpan<byte> text, string file, long line, string field) =>
        text.IsEmpty ? double.NaN : Double(text, file, line, field);

    /// <summary>A whole number without sign or separators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Long(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (TryDigits(text, out var value)) return value;
        throw NotAWholeNumber(text, file, line, field);
    }

    /// <summary>
    /// An epoch timestamp in milliseconds; values of microsecond magnitude (Binance spot files from 2025-01-01)
    /// are converted, and must then be whole milliseconds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long EpochMs(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (!TryDigits(text, out var value) || value <= 0)
            throw NotATimestamp(text, file, line, field);
        if (value < MicrosecondThreshold) return value;
        if (value % 1000 != 0)
            throw new RawDataException(file, line, field,
                $"{Show(text)} reads as microseconds (Binance spot files use them from 2025-01-01) but is not a whole millisecond");
        return value / 1000;
    }

    /// <summary>
    /// A UTC time written "YYYY-MM-DD HH:MM:SS" (Binance metrics' create_time) or as epoch ms/µs digits, in epoch ms.
    /// </summary>
    public static long UtcTextOrEpochMs(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (text.Length > 0 && text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0) return EpochMs(text, file, line, field);
        if (text.Length == 19 && text[4] == '-' && text[7] == '-' && (text[10] == ' ' || text[10] == 'T') && text[13] == ':' && text[16] == ':'
            && TryFixedDigits(text[..4], out var year) && TryFixedDigits(text.Slice(5, 2), out var month) && TryFixedDigits(text.Slice(8, 2), out var day)
            && TryFixedDigits(text.Slice(11, 2), out var hour) && TryFixedDigits(text.Slice(14, 2), out var minute) && TryFixedDigits(text.Slice(17, 2), out var second)
            && year >= 1970 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
            return ((days * 24L + hour) * 60 + minute) * 60_000L + second * 1000L;
        }
        throw new RawDataException(file, line, field, $"{Show(text)} is not a UTC time of the form YYYY-MM-DD HH:MM:SS");
    }

    /// <summary>Quotes a field for a message, shortened when long, so errors stay one readable paragraph.</summary>
    public static string Show(ReadOnlySpan<byte> text)
    {
        var s = Encoding.UTF8.GetString(text.Length > 40 ? text[..40] : text);
        return text.Length > 40 ? $"'{s}…'" : $"'{s}'";
    }

    /// <summary>A non-negative whole number of up to 18 digits (no sign, no separators).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18) return false;
        foreach (var b in text)
        {
            var d = (uint)(b - '0');
            if (d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    private static bool TryFixedDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b < '0' || b > '9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RawDataException NotANumber(ReadOnlySpan<byte> text, string file, long line, string field) =>
        new(file, line, field, text.IsEmpty ? "the field is empty; expected a number" : $"{Show(text)} is not a number");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RawDataException NotAWholeNumber(ReadOnlySpan<byte> text, string file, long line, string field) =>
        new(file, line, field, text.IsEmpty ? "the field is empty; expected a whole number" : $"{Show(text)} is not a whole number");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RawDataException NotATimestamp(ReadOnlySpan<byte> text, string file, long line, string field) =>
        new(file, line, field, text.IsEmpty
            ? "the field is empty; expected an epoch timestamp in milliseconds"
            : $"{Show(text)} is not an epoch timestamp in milliseconds (a positive whole number)");
}
