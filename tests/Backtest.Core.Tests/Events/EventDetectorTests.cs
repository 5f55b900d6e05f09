using Backtest.Core.Events;
using Backtest.Core.Expressions;

namespace Backtest.Core.Tests.Events;

/// <summary>Event definitions end to end (expression → condition → occurrences) and their validation.</summary>
public sealed class EventDetectorTests
{
    private static readonly ColumnSet Columns = new(new Dictionary<string, double[]>
    {
        ["close"] = [10, 11, 12, 11, 13, double.NaN, 14, 15],
        ["rv_1h_z"] = [0, 0, 4, 4, 4, 4, 4, 4],
    });

    [Fact]
    public void A_definition_evaluates_its_condition_and_strength()
    {
        var definition = new EventDefinition("close_above_11", Expression.Parse("close > 11"), cooldown: 2, EventSide.Long,
            strength: Expression.Parse("close - 11"), description: "close above 11");
        var occurrences = EventDetector.Detect(definition, Columns, 8);
        // close > 11 on bars 2, 4, 6, 7; cooldown 2 drops bar 7 (one bar after 6).
        Assert.Equal([2, 4, 6], occurrences.BarIndex);
        Assert.Equal([1.0, 2.0, 3.0], occurrences.Strength);
        Assert.Equal(new EventOccurrence(4, EventSide.Long, 2.0), occurrences[1]);
    }

    [Fact]
    public void Without_a_strength_every_occurrence_has_strength_1()
    {
        var definition = new EventDefinition("vol", Expression.Parse("rv_1h_z > 3 and close > lag(close, 1)"), 0, EventSide.Short);
        var occurrences = EventDetector.Detect(definition, Columns, 8);
        Assert.Equal([2, 4, 7], occurrences.BarIndex);
        Assert.All(occurrences.Strength, s => Assert.Equal(1.0, s));
        Assert.All(occurrences.Side, s => Assert.Equal(EventSide.Short, s));
    }

    [Fact]
    public void Identifiers_and_lookback_cover_condition_and_strength()
    {
        var definition = new EventDefinition("e", Expression.Parse("rv_1h_z > 3"), 0, EventSide.None, Expression.Parse("highest(close, 5) - abs(ret_1)"));
        Assert.Equal(["close", "ret_1", "rv_1h_z"], definition.Identifiers);
        Assert.Equal(5, definition.MaxLookback);
        Assert.Equal(["rv_1h_z"], new EventDefinition("e", Expression.Parse("rv_1h_z > 3"), 0, EventSide.None).Identifiers);
    }

    [Fact]
    public void Definitions_with_the_same_canonical_expressions_are_equal()
    {
        var a = new EventDefinition("e", Expression.Parse("a>1"), 3, EventSide.Long);
        var b = new EventDefinition("e", Expression.Parse("(a > 1)"), 3, EventSide.Long);
        Assert.Equal(a, b);
        Assert.NotEqual(a, new EventDefinition("e", Expression.Parse("a > 1"), 4, EventSide.Long));
    }

    [Fact]
    public void Invalid_definitions_are_refused_with_the_reason()
    {
        var when = Expression.Parse("a > 1");
        Assert.Contains("must match", Assert.Throws<ArgumentException>(() => new EventDefinition("Vol Shock", when, 0, EventSide.Long)).Message);
        Assert.Contains("'when' must be a boolean condition but 'a + 1' is a number",
            Assert.Throws<ArgumentException>(() => new EventDefinition("e", Expression.Parse("a + 1"), 0, EventSide.Long)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventDefinition("e", when, -1, EventSide.Long));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventDefinition("e", when, 0, (EventSide)2));
        Assert.Contains("'strength' must be a number",
            Assert.Throws<ArgumentException>(() => new EventDefinition("e", when, 0, EventSide.Long, Expression.Parse("a > 2"))).Message);
    }

    [Fact]
    public void Detection_refuses_a_negative_cooldown_and_a_strength_of_another_length()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EventDetector.Detect(new[] { true }, -1, EventSide.Long));
        Assert.Throws<ArgumentException>(() => EventDetector.Detect(new[] { true, false }, 0, EventSide.Long, new[] { 1.0 }));
    }
}
