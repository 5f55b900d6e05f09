namespace Backtest.Stages.Reporting;

/// <summary>
/// A report model the renderer refuses (misaligned series, timestamps going backwards, missing lists): a
/// report must never silently draw something other than what was computed.
/// </summary>
public sealed class InvalidReportModelException(string message) : Exception(message);
