namespace Backtest.Cli.Output;

/// <summary>Formats epoch milliseconds as ISO-8601 UTC ("2024-01-01T00:05:00.000Z") into bytes, without DateTime or strings.</summary>
internal static class IsoTime
{
    /// <summary>Writes the 24 bytes of <paramref name="ms"/>'s ISO text into <paramref name="destination"/>.</summary>
    public static void Write(long ms, Span<byte> destination)
    {
        var days = Math.DivRem(ms, 86_400_000L, out var inDay);
        if (inDay < 0) { inDay += 86_400_000L; days--; }
        var (year, month, day) = CivilFromDays(days);
        if (year is < 0 or > 9999) throw new ArgumentOutOfRangeException(nameof(ms), ms, "outside years 0000–9999");
        var d = destination[..24];
        Four(d, 0, year); d[4] = (byte)'-'; Two(d, 5, month); d[7] = (byte)'-'; Two(d, 8, day);
        d[10] = (byte)'T';
        WriteTimeOfDay((int)inDay, d[11..]);
    }

    /// <summary>Writes "HH:mm:ss.fffZ" (13 bytes) of <paramref name="millisecondOfDay"/> (0 to 86,399,999).</summary>
    public static void WriteTimeOfDay(int millisecondOfDay, Span<byte> destination)
    {
        var d = destination[..13];
        var seconds = millisecondOfDay / 1000;
        Two(d, 0, seconds / 3600); d[2] = (byte)':'; Two(d, 3, seconds / 60 % 60); d[5] = (byte)':'; Two(d, 6, seconds % 60);
        d[8] = (byte)'.';
        var millis = millisecondOfDay % 1000;
        d[9] = (byte)('0' + millis / 100); d[10] = (byte)('0' + millis / 10 % 10); d[11] = (byte)('0' + millis % 10);
        d[12] = (byte)'Z';
    }

    /// <summary>The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).</summary>
    private static (int Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var dayOfEra = z - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var mp = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        var year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }

    private static void Two(Span<byte> d, int at, int value)
    {
        d[at] = (byte)('0' + value / 10);
        d[at + 1] = (byte)('0' + value % 10);
    }

    private static void Four(Span<byte> d, int at, int value)
    {
        d[at] = (byte)('0' + value / 1000);
        d[at + 1] = (byte)('0' + value / 100 % 10);
        d[at + 2] = (byte)('0' + value / 10 % 10);
        d[at + 3] = (byte)('0' + value % 10);
    }
}
