namespace Backtest.Core.Cleaning;

/// <summary>Raw data that cannot be put on a grid (unsorted, misaligned, empty): the message names the bar and the rule.</summary>
public sealed class CleanException(string message) : Exception(message);
