namespace Backtest.Core.Events;

/// <summary>The direction an event suggests; stored as −1/0/+1 in the events lake column `side`.</summary>
public enum EventSide : sbyte
{
    /// <summary>Suggests a short position.</summary>
    Short = -1,
    /// <summary>No direction: a state marker whose direction a concept decides.</summary>
    None = 0,
    /// <summary>Suggests a long position.</summary>
    Long = 1,
}
