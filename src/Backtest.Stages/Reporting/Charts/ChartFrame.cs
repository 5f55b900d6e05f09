namespace Backtest.Stages.Reporting.Charts;

/// <summary>
/// What every chart shares: its kind (the <c>data-chart</c> attribute checks and styles use), title, height in
/// pixels, the message shown instead of an empty chart, and an optional caption under it.
/// </summary>
public sealed record ChartFrame(string Kind, string Title, int Height, string EmptyMessage, string? Caption = null);
