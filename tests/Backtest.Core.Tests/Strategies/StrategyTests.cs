using Backtest.Core.Market;
using Backtest.Core.Strategies;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Strategies;

public sealed class StrategyTests
{
    private static Blueprint SmaCross => new("sma", "ETHUSDT", MarketKind.Spot, Timeframe.Parse("1h"),
        new Trigger(When: "cross_above(sma(close, 10), sma(close, 50))"), Direction.Long, new EntryPolicy(),
        new ExitPolicy(When: "cross_below(sma(close, 10), sma(close, 50))", StopLossAtr: 2, Atr: "atr_14"), new FixedNotionalSizing(10_000));

    [Fact]
    public void A_blueprint_binds_to_its_evaluated_signals()
    {
        bool[] entry = [false, true, false], exit = [false, false, true];
        double[] atr = [1, 1, 1];
        var s = Strategy.FromBlueprint(SmaCross, entry, exit, atr);
        Assert.Equal(("sma", "ETHUSDT", MarketKind.Spot, Direction.Long), (s.Id, s.Symbol, s.Market, s.Direction));
        Assert.Equal(new ExitRules(null, 2, null), s.ExitRules);
        Assert.Same(entry, s.Entry);
        Assert.Same(exit, s.Exit);
        Assert.Equal(new FixedNotionalSizing(10_000), s.Sizing);
    }

    [Fact]
    public void Missing_or_unexpected_exit_signals_are_refused()
    {
        var ex = Assert.Throws<StrategyException>(() => Strategy.FromBlueprint(SmaCross, new bool[3], null, new double[3]));
        Assert.Equal("strategy 'sma' cannot run: its exit condition 'cross_below(sma(close, 10), sma(close, 50))' has no evaluated exit signal", ex.Message);
        var timeOnly = SmaCross with { Exit = new ExitPolicy(TimeStopBars: 12) };
        ex = Assert.Throws<StrategyException>(() => Strategy.FromBlueprint(timeOnly, new bool[3], new bool[3], null));
        Assert.Equal("strategy 'sma' cannot run: an exit signal was given but the blueprint has no exit condition (exit.when)", ex.Message);
        Assert.Throws<BlueprintValidationException>(() => Strategy.FromBlueprint(SmaCross with { Sizing = new FixedUnitsSizing(0) }, new bool[3], new bool[3], null));
    }
}
