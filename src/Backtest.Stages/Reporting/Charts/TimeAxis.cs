using System.Globalization;

namespace Backtest.Stages.Reporting.Charts;

/// <summary>
/// Calendar ticks for a time axis in UTC (whole minutes, hours, days, months or years), so axis labels read as
/// dates ("2024-03") rather than as evenly spaced but arbitrary instants.
/// </summary>
public static class TimeAxis
{
    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    // Fixed-length steps, shortest first; a fortnight only when whole months would give fewer than three ticks.
    private static readonly long[] FixedSteps =
        [Minute, 5 * Minute, 15 * Minute, 30 * Minute, Hour, 2 * Hour, 3 * Hour, 6 * Hour, 12 * Hour, Day, 2 * Day, 7 * Day];
    private const long Fortnight = 14 * Day;
    private static readonly int[] MonthSteps = [1, 2, 3, 6];

    private static readonly long MinMs = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>
    /// At most <paramref name="maxTicks"/> ticks inside [<paramref name="fromMs"/>, <paramref name="toMs"/>] on the
    /// finest calendar step that fits; a range too short for any whole step gets its end points, fully labelled.
    /// Instants outside the calendar (years 1–9999) get no ticks.
    /// </summary>
    public static IReadOnlyList<TimeTick> Ticks(long fromMs, long toMs, int maxTicks = 7)
    {
        if (maxTicks < 1) throw new ArgumentOutOfRangeException(nameof(maxTicks), maxTicks, "at least one tick");
        if (fromMs > toMs) (fromMs, toMs) = (toMs, fromMs);
        if (fromMs < MinMs || toMs > MaxMs) return [];
        if (fromMs == toMs) return Ends(fromMs, toMs);

        foreach (var step in FixedSteps)
            if (FixedTicks(fromMs, toMs, step, maxTicks) is { } ticks) return ticks;

        var from = Utc(fromMs);
        var to = Utc(toMs);
        var firstMonth = MonthIndex(from) + (from == MonthStart(from) ? 0 : 1);
        var lastMonth = MonthIndex(to);
        if (MonthTicks(firstMonth, lastMonth, 1, maxTicks) is { Count: >= 3 } monthly) return monthly;
        if (FixedTicks(fromMs, toMs, Fortnight, maxTicks) is { } fortnightly) return fortnightly;
        foreach (var step in MonthSteps)
            if (MonthTicks(firstMonth, lastMonth, step, maxTicks) is { } ticks) return ticks;

        var firstYear = from.Year + (from == new DateTime(from.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc) ? 0 : 1);
        var lastYear = to.Year;
        for (long years = 1; ; years *= 10)
            foreach (var mult in (ReadOnlySpan<long>)[1, 2, 5])
            {
                var step = years * mult;
                var first = CeilDiv(firstYear, step) * step;
                var count = first > lastYear ? 0 : (lastYear - first) / step + 1;
                if (count > maxTicks) continue;
                if (count < 1) return Ends(fromMs, toMs);
                var ticks = new List<TimeTick>((int)count);
                for (var y = first; y <= lastYear; y += step) ticks.Add(Tick(new DateTime((int)y, 1, 1, 0, 0, 0, DateTimeKind.Utc), "yyyy"));
                return ticks;
            }
    }

    /// <summary>Ticks at whole multiples of <paramref name="step"/> since the epoch, or null when there are none or too many.</summary>
    private static List<TimeTick>? FixedTicks(long fromMs, long toMs, long step, int maxTicks)
    {
        var first = CeilDiv(fromMs, step);
        var last = FloorDiv(toMs, step);
        var count = last - first + 1;
        if (count < 1 || count > maxTicks) return null;
        var pattern = step >= Day ? "yyyy-MM-dd" : toMs - fromMs >= Day ? "MM-dd HH:mm" : "HH:mm";
        var ticks = new List<TimeTick>((int)count);
        for (var k = first; k <= last; k++) ticks.Add(new TimeTick(k * step, Format(k * step, pattern)));
        return ticks;
    }

    /// <summary>Ticks on the first of every <paramref name="step"/>-th month (aligned to January), or null when none or too many.</summary>
    private static List<TimeTick>? MonthTicks(long firstMonth, long lastMonth, int step, int maxTicks)
    {
        var first = CeilDiv(firstMonth, step) * step;
        var count = first > lastMonth ? 0 : (lastMonth - first) / step + 1;
        if (count < 1 || count > maxTicks) return null;
        var ticks = new List<TimeTick>((int)count);
        for (var m = first; m <= lastMonth; m += step) ticks.Add(Tick(FromMonthIndex(m), "yyyy-MM"));
        return ticks;
    }

    private static IReadOnlyList<TimeTick> Ends(long fromMs, long toMs) =>
        fromMs == toMs ? [new TimeTick(fromMs, Full(fromMs))] : [new TimeTick(fromMs, Full(fromMs)), new TimeTick(toMs, Full(toMs))];

    private static string Full(long ms) => Format(ms, ms % Minute == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss");

    private static TimeTick Tick(DateTime utc, string pattern)
    {
        var ms = new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return new TimeTick(ms, utc.ToString(pattern, CultureInfo.InvariantCulture));
    }

    private static string Format(long ms, string pattern) => Utc(ms).ToString(pattern, CultureInfo.InvariantCulture);

    private static DateTime Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    private static DateTime MonthStart(DateTime t) => new(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    private static long MonthIndex(DateTime t) => t.Year * 12L + (t.Month - 1);

    private static DateTime FromMonthIndex(long index) => new((int)(index / 12), (int)(index % 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static long FloorDiv(long a, long b) => a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
