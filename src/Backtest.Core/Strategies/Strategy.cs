using Backtest.Core.Bars;
using Backtest.Core.Market;

namespace Backtest.Core.Strategies;

/// <summary>
/// A compiled blueprint: what the research kernel runs. Signals are evaluated at bar close, one per bar of the
/// frame the strategy will run on: <see cref="Entry"/> = trigger ∧ filter, <see cref="Exit"/> = the exit condition
/// (null when the blueprint has none); <see cref="Atr"/> is the ATR column its stops are measured in.
/// </summary>
public sealed record Strategy(
    string Id,
    string Symbol,
    MarketKind Market,
    Direction Direction,
    bool[] Entry,
    bool[]? Exit,
    ExitRules ExitRules,
    double[]? Atr,
    Sizing Sizing)
{
    /// <summary>Binds a validated blueprint to its evaluated signal columns (the lead's interpreter computes them).</summary>
    public static Strategy FromBlueprint(Blueprint blueprint, bool[] entry, bool[]? exit, double[]? atr)
    {
        BlueprintValidator.EnsureValid(blueprint);
        var e = blueprint.Exit;
        if (e.When is not null && exit is null)
            throw new StrategyException(blueprint.Id, $"its exit condition '{e.When}' has no evaluated exit signal");
        if (e.When is null && exit is not null)
            throw new StrategyException(blueprint.Id, "an exit signal was given but the blueprint has no exit condition (exit.when)");
        return new Strategy(blueprint.Id, blueprint.Symbol, blueprint.Market, blueprint.Direction, entry, exit,
            new ExitRules(e.TimeStopBars, e.StopLossAtr, e.TakeProfitAtr), atr, blueprint.Sizing);
    }

    /// <summary>Throws <see cref="StrategyException"/> unless every column has one value per bar of <paramref name="bars"/> and the exit can fire.</summary>
    public void EnsureFits(BarFrame bars)
    {
        if (!string.Equals(bars.Symbol, Symbol, StringComparison.Ordinal))
            throw new StrategyException(Id, $"it trades {Symbol} but was given bars of {bars.Symbol}");
        if (Entry.Length != bars.Count)
            throw new StrategyException(Id, $"its entry signal has {Entry.Length} values for {bars.Count} bars of {bars.Symbol}");
        if (Exit is not null && Exit.Length != bars.Count)
            throw new StrategyException(Id, $"its exit signal has {Exit.Length} values for {bars.Count} bars of {bars.Symbol}");
        if (ExitRules.UsesAtr && Atr is null)
            throw new StrategyException(Id, "its stop-loss/take-profit needs the ATR column, which was not given");
        if (Atr is not null && Atr.Length != bars.Count)
            throw new StrategyException(Id, $"its ATR column has {Atr.Length} values for {bars.Count} bars of {bars.Symbol}");
        if (Exit is null && ExitRules.TimeStopBars is null && !ExitRules.UsesAtr)
            throw new StrategyException(Id, "no exit can ever fire: give an exit signal, a time stop or an ATR stop");
        if (ExitRules.TimeStopBars is < 1)
            throw new StrategyException(Id, $"its time stop must be at least 1 bar (got {ExitRules.TimeStopBars})");
    }
}
