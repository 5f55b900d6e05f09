using System.Globalization;
using Backtest.Stages.Reporting.Charts;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>Hand-computed UTC time axes (vectors/reporting/time_ticks.csv).</summary>
public sealed class TimeAxisVectorTests
{
    private const string File = "time_ticks.csv";

    public static IEnumerable<object[]> Cases() => ReportVectors.Cases(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector(string name)
    {
        var row = ReportVectors.Row(File, name);
        var from = Ms(row["from"]);
        var to = Ms(row["to"]);
        var ticks = TimeAxis.Ticks(from, to);
        Assert.Equal(row["labels"].Split('|'), ticks.Select(t => t.Label).ToArray());
        Assert.All(ticks, t => Assert.InRange(t.Ms, from, to));
        Assert.Equal(ticks.Select(t => t.Ms).Order().ToArray(), ticks.Select(t => t.Ms).ToArray());
    }

    [Fact]
    public void Instants_outside_the_calendar_get_no_ticks() =>
        Assert.Empty(TimeAxis.Ticks(long.MinValue / 2, 0));

    [Fact]
    public void Tick_instants_are_the_labelled_utc_times()
    {
        var ticks = TimeAxis.Ticks(Ms("2024-01-01T00:00:00Z"), Ms("2024-12-31T00:00:00Z"));
        Assert.Equal(Ms("2024-03-01T00:00:00Z"), ticks[1].Ms);
    }

    private static long Ms(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
}
