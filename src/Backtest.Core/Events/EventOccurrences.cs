namespace Backtest.Core.Events;

/// <summary>
/// All firings of one event on one symbol, as columns in bar order: the shape of the events lake file
/// (bar_index, side, strength; the stage adds ts from the bars).
/// </summary>
public sealed record EventOccurrences(int[] BarIndex, EventSide[] Side, double[] Strength)
{
    /// <summary>Number of firings.</summary>
    public int Count => BarIndex.Length;

    /// <summary>Firing <paramref name="i"/> as one value.</summary>
    public EventOccurrence this[int i] => new(BarIndex[i], Side[i], Strength[i]);
}
