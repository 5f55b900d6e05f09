namespace Backtest.Stages.Reporting.Charts;

/// <summary>One bar of a bar chart; a NaN value is labelled "n/a" and not drawn. Emphasis marks a total (e.g. net P&amp;L).</summary>
public sealed record ChartBar(string Label, double Value, bool Emphasis = false);
