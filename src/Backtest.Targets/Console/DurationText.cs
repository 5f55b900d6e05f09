namespace Backtest.Targets;

/// <summary>Durations as the log and the summary table show them.</summary>
internal static class DurationText
{
    /// <summary>Action lines: "850 ms", "12.3 s", "4:05 min".</summary>
    public static string Short(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0} ms"
        : duration.TotalMinutes < 1 ? $"{duration.TotalSeconds:0.0} s"
        : $"{(int)duration.TotalMinutes}:{duration.Seconds:00} min";

    /// <summary>NUKE's summary column: "m:ss", or "&lt; 1sec".</summary>
    public static string Summary(TimeSpan duration)
    {
        var text = $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";
        return text == "0:00" ? "< 1sec" : text;
    }
}
