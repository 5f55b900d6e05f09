namespace Backtest.Stages.Reporting.Charts;

/// <summary>One named series of a time chart, aligned with the chart's timestamps; NaN values leave a gap.</summary>
public sealed record ChartLine(string Name, double[] Values, ChartInk Ink);
