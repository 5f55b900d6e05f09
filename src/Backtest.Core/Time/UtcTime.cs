using System.Globalization;

namespace Backtest.Core.Time;

/// <summary>The one time type (int64 ms since the Unix epoch, UTC) rendered for humans the same way everywhere.</summary>
public static class UtcTime
{
    /// <summary>"2024-01-01 08:00 UTC" (seconds and milliseconds shown only when not zero).</summary>
    public static string Format(long ms)
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        var pattern = t.Millisecond != 0 ? "yyyy-MM-dd HH:mm:ss.fff" : t.Second != 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
        return t.ToString(pattern, CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>ISO-8601 with milliseconds and Z, for machine-readable reports.</summary>
    public static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds of a UTC calendar date at midnight.</summary>
    public static long FromDate(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Parses "2024-01-01", "2024-01-01T08:00", "2024-01-01T08:00:00Z" (UTC) or epoch milliseconds.</summary>
    public static bool TryParse(string? text, out long ms)
    {
        ms = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ms)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
        {
            ms = dto.ToUnixTimeMilliseconds();
            return true;
        }
        return false;
    }
}
