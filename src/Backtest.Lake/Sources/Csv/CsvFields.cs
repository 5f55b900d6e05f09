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
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        throw NotANumber(text, file, line, field);
    }

    /// <summary>A finite decimal number, or NaN for an empty field (Binance metrics publish blanks for missing values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DoubleOrBlank(ReadOnlySpan<byte> text, string file, long line, string field) =>
        text.IsEmpty ? double.NaN : Double(text, file, line, field);

    /// <summary>A whole number without sign or separators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Long(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        throw NotAWholeNumber(text, file, line, field);
    }

    /// <summary>
    /// An epoch timestamp in milliseconds; values of microsecond magnitude (Binance spot files from 2025-01-01)
    /// are converted, and must then be whole milliseconds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long EpochMs(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
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
            && TryDigits(text[..4], out var year) && TryDigits(text.Slice(5, 2), out var month) && TryDigits(text.Slice(8, 2), out var day)
            && TryDigits(text.Slice(11, 2), out var hour) && TryDigits(text.Slice(14, 2), out var minute) && TryDigits(text.Slice(17, 2), out var second)
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

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
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
