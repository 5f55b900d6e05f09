using Backtest.Core.Expressions;

namespace Backtest.Core.Events;

/// <summary>
/// Turns a per-bar condition into event occurrences. Level-triggered with a cooldown: bar t fires when the
/// condition is true at t and either nothing has fired yet or t − (last firing) ≥ cooldown. Cooldown 0 (and
/// 1) fire on every true bar; cooldown h spaces firings at least h bars apart, so h-bar forward windows of
/// successive events do not overlap. A true bar inside the cooldown is skipped, not deferred.
/// </summary>
public static class EventDetector
{
    /// <summary>Occurrences of <paramref name="when"/> with strength 1.</summary>
    public static EventOccurrences Detect(ReadOnlySpan<bool> when, int cooldown, EventSide side) =>
        Detect(when, cooldown, side, strength: default, hasStrength: false);

    /// <summary>Occurrences of <paramref name="when"/> with the strength at each firing bar (NaN stays NaN).</summary>
    public static EventOccurrences Detect(ReadOnlySpan<bool> when, int cooldown, EventSide side, ReadOnlySpan<double> strength)
    {
        if (strength.Length != when.Length)
            throw new ArgumentException($"strength has {strength.Length} values but the condition has {when.Length}", nameof(strength));
        return Detect(when, cooldown, side, strength, hasStrength: true);
    }

    /// <summary>Evaluates <paramref name="definition"/> over <paramref name="length"/> bars of <paramref name="columns"/> and detects its occurrences.</summary>
    public static EventOccurrences Detect(EventDefinition definition, IColumnSource columns, int length)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var when = definition.When.EvaluateBool(columns, length);
        if (definition.Strength is null) return Detect(when, definition.Cooldown, definition.Side);
        var strength = definition.Strength.EvaluateNumber(columns, length);
        return Detect(when, definition.Cooldown, definition.Side, strength);
    }

    private static EventOccurrences Detect(ReadOnlySpan<bool> when, int cooldown, EventSide side, ReadOnlySpan<double> strength, bool hasStrength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        var count = 0;
        var last = int.MinValue;
        // Two passes (count, then fill) so the result arrays are exact-size without a growing list.
        for (var t = 0; t < when.Length; t++)
        {
            if (!when[t] || (long)t - last < cooldown) continue;
            last = t;
            count++;
        }
        var barIndex = new int[count];
        var sides = new EventSide[count];
        var strengths = new double[count];
        last = int.MinValue;
        var i = 0;
        for (var t = 0; t < when.Length; t++)
        {
            if (!when[t] || (long)t - last < cooldown) continue;
            last = t;
            barIndex[i] = t;
            sides[i] = side;
            strengths[i] = hasStrength ? strength[t] : 1.0;
            i++;
        }
        return new EventOccurrences(barIndex, sides, strengths);
    }
}
