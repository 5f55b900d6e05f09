namespace Backtest.Stages.Reporting.Charts;

/// <summary>A labelled tick of a time axis: bar-close milliseconds (UTC) and its calendar label.</summary>
public readonly record struct TimeTick(long Ms, string Label);
