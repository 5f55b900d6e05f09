using System.Globalization;

namespace Backtest.Lake.Sources.Csv;

/// <summary>Renders epoch milliseconds as readable UTC for error messages: a raw 1672560000008 means little to a reader.</summary>
internal static class UtcText
{
    /// <summary>"2023-01-01 08:00:00 UTC", with milliseconds only when they are not zero.</summary>
    public static string Format(long epochMs)
    {
        if (epochMs < -62135596800000L || epochMs > 253402300799999L) return "out of the calendar range";
        var t = DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime;
        var format = epochMs % 1000 == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff";
        return t.ToString(format, CultureInfo.InvariantCulture) + " UTC";
    }
}
