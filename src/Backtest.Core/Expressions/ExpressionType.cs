namespace Backtest.Core.Expressions;

/// <summary>The static type of an expression, checked at parse so type errors point at a column before any data is read.</summary>
public enum ExpressionType
{
    /// <summary>A double per bar (NaN during warm-up or where an input is missing).</summary>
    Number,
    /// <summary>A true/false per bar: an event condition or a filter.</summary>
    Boolean,
}
