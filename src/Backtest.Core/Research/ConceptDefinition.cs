using Backtest.Core.Market;

namespace Backtest.Core.Research;

/// <summary>
/// A trading idea (spec/concepts/&lt;id&gt;.yaml): which events it trades, in which directions and over which
/// horizons, and the default policy blueprints compiled from it use.
/// </summary>
public sealed record ConceptDefinition(
    string Id,
    string Description,
    IReadOnlyList<string> Events,
    IReadOnlyList<Direction> Directions,
    IReadOnlyList<int> Horizons,
    ConceptPolicy Policy);

/// <summary>
/// How a concept's validated hypotheses trade: the horizon time stop always, optional stop-loss / take-profit in
/// multiples of the ATR feature <see cref="Atr"/>, and an optional filter expression that must also hold at entry.
/// </summary>
public sealed record ConceptPolicy(double? StopLossAtr, double? TakeProfitAtr, string Atr, string? Filter);
