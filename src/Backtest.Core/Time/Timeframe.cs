namespace Backtest.Core.Time;

/// <summary>A bar length on a 24/7 calendar: the unit of the grid, of horizons and of annualisation.</summary>
public readonly record struct Timeframe
{
    /// <summary>Bar length in minutes (5 for "5m").</summary>
    public int Minutes { get; }

    public Timeframe(int minutes)
    {
        if (minutes <= 0) throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "a timeframe must be at least one minute");
        Minutes = minutes;
    }

    /// <summary>Bar length in milliseconds, the unit of every timestamp in the lake.</summary>
    public long Milliseconds => Minutes * 60_000L;

    /// <summary>Bars per year on a 24/7 calendar (5m → 105,120), used to annualise.</summary>
    public double BarsPerYear => 365.0 * 24 * 60 / Minutes;

    /// <summary>Bars per day (5m → 288).</summary>
    public int BarsPerDay => 24 * 60 / Minutes;

    /// <summary>Parses "1m", "5m", "15m", "1h", "4h", "1d".</summary>
    public static Timeframe Parse(string text)
    {
        if (TryParse(text, out var tf)) return tf;
        throw new FormatException($"'{text}' is not a timeframe: use a number followed by m, h or d (e.g. 5m, 1h, 1d)");
    }

    /// <summary>Non-throwing <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, out Timeframe timeframe)
    {
        timeframe = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2) return false;
        var unit = char.ToLowerInvariant(text[^1]);
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0) return false;
        var minutes = unit switch { 'm' => n, 'h' => n * 60, 'd' => n * 1440, _ => -1 };
        if (minutes <= 0 || 1440 % minutes != 0 && minutes % 1440 != 0) return false;
        timeframe = new Timeframe(minutes);
        return true;
    }

    /// <summary>Canonical text ("5m", "1h", "1d"): the form used in lake paths.</summary>
    public override string ToString() =>
        Minutes % 1440 == 0 ? $"{Minutes / 1440}d" : Minutes % 60 == 0 ? $"{Minutes / 60}h" : $"{Minutes}m";
}
