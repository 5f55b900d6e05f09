using System.Globalization;
using Backtest.Stages.Reporting.Charts;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>Hand-computed axis tick labels (vectors/reporting/axis_labels.csv).</summary>
public sealed class AxisLabelVectorTests
{
    private const string File = "axis_labels.csv";

    public static IEnumerable<object[]> Cases() => ReportVectors.Cases(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector(string name)
    {
        var row = ReportVectors.Row(File, name);
        var format = row["format"] == "percent" ? AxisFormat.Percent : AxisFormat.Amount;
        var scale = NiceScale.Create(ReportVectors.Number(row["min"]), ReportVectors.Number(row["max"]),
            int.Parse(row["target"], CultureInfo.InvariantCulture), format == AxisFormat.Percent ? 0.01 : 1);
        Assert.Equal(row["labels"].Split('|'), scale.Ticks.Select(t => ChartText.Tick(t, scale, format)).ToArray());
    }
}
