using System.Globalization;

namespace Backtest.Targets;

/// <summary>NUKE's closing table: one row per planned target with status, duration and <c>// info</c>, then the outcome line.</summary>
internal static class SummaryTable
{
    /// <summary>Writes the table and the outcome line.</summary>
    public static void Write(BuildLog log, IReadOnlyList<ExecutableTarget> plan, bool succeeded, DateTimeOffset finished)
    {
        var rows = plan.Where(t => t.Status != ExecutionStatus.Collective).ToList();
        var first = Math.Max(rows.Select(t => t.Name.Length + 4).DefaultIfEmpty(0).Max(), 19);
        const int second = 10, third = 10;
        var width = first + second + third;
        var total = rows.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Duration);

        string Line(string target, string status, string duration, string? info) =>
            target.PadRight(first) + status.PadRight(second) + duration.PadLeft(third) + (info is null ? "" : $"   // {info}");

        log.Write(Verbosity.Quiet, "", BuildLog.Tone.Plain);
        log.Write(Verbosity.Quiet, new string('═', width), BuildLog.Tone.Dim);
        log.Write(Verbosity.Quiet, Line("Target", "Status", "Duration", null), BuildLog.Tone.Plain);
        log.Write(Verbosity.Quiet, new string('─', width), BuildLog.Tone.Dim);
        foreach (var target in rows)
        {
            var showDuration = target.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Aborted
                or ExecutionStatus.UpToDate or ExecutionStatus.Restored;
            var tone = target.Status switch
            {
                ExecutionStatus.Succeeded or ExecutionStatus.UpToDate or ExecutionStatus.Restored => BuildLog.Tone.Success,
                ExecutionStatus.Failed => BuildLog.Tone.Error,
                ExecutionStatus.NotRun or ExecutionStatus.Aborted => BuildLog.Tone.Warning,
                _ => BuildLog.Tone.Dim,
            };
            log.Write(Verbosity.Quiet, Line(target.Name, target.Status.ToString(), showDuration ? DurationText.Summary(target.Duration) : "", target.Info), tone);
        }
        log.Write(Verbosity.Quiet, new string('─', width), BuildLog.Tone.Dim);
        log.Write(Verbosity.Quiet, Line("Total", "", DurationText.Summary(total), null), BuildLog.Tone.Plain);
        log.Write(Verbosity.Quiet, new string('═', width), BuildLog.Tone.Dim);
        log.Write(Verbosity.Quiet, "", BuildLog.Tone.Plain);
        var when = finished.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (succeeded) log.Write(Verbosity.Quiet, $"Build succeeded on {when}. ＼（＾ᴗ＾）／", BuildLog.Tone.Success);
        else log.Write(Verbosity.Quiet, $"Build failed on {when}. (╯°□°）╯︵ ┻━┻", BuildLog.Tone.Error);
    }
}
