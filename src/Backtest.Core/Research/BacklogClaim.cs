using Backtest.Core.Market;

namespace Backtest.Core.Research;

/// <summary>
/// A research claim from spec/backlog ("after extreme positive funding BTC underperforms over 24h"): the
/// concept it tests and, optionally, narrower events, horizons, directions and symbols, what specs it
/// needs (which may not exist yet: they become spec tasks) and its hypothesis budget.
/// </summary>
public sealed record BacklogClaim(
    string Id,
    string Statement,
    string Concept,
    IReadOnlyList<string> Events,
    IReadOnlyList<int> Horizons,
    IReadOnlyList<Direction> Directions,
    IReadOnlyList<string> Symbols,
    IReadOnlyList<string> NeedsFeatures,
    IReadOnlyList<string> NeedsEvents,
    int? MaxHypotheses,
    string File);

/// <summary>Run-wide planning limits (spec/plan.yaml): the hypothesis budget and the least data a symbol needs.</summary>
public sealed record PlanSettings(int MaxHypotheses, int MinBars);
