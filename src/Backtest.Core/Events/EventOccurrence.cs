namespace Backtest.Core.Events;

/// <summary>One firing of an event: the bar it fired on (0-based index into the bars), its side and strength.</summary>
public readonly record struct EventOccurrence(int BarIndex, EventSide Side, double Strength);
