namespace Backtest.Core.Strategies;

/// <summary>
/// What opens a position: either a named event from spec/events (compiled blueprints) or an inline expression
/// (hand-written ones, e.g. <c>cross_above(close, highest(high, 20))</c>), optionally gated by a filter
/// expression. All are evaluated at bar close; the entry signal is trigger ∧ filter.
/// </summary>
public sealed record Trigger(string? Event = null, string? When = null, string? Filter = null);
