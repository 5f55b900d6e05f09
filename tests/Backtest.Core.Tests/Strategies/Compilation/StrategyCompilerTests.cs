using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Expressions;
using Backtest.Core.Features;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Tests.Engine;

namespace Backtest.Core.Tests.Strategies.Compilation;

public sealed class StrategyCompilerTests
{
    private static readonly IReadOnlyDictionary<string, EventDefinition> NoEvents = new Dictionary<string, EventDefinition>();

    private static readonly ExitPolicy TimeStop = new(TimeStopBars: 12);

    private static Dictionary<string, EventDefinition> Events(string id, string when, int cooldown) =>
        new() { [id] = new EventDefinition(id, Expression.Parse(when, ExpressionType.Boolean), cooldown, EventSide.Long) };

    [Theory]
    [InlineData("trigger.when", "rv_1hh > 3", null, null, "rv_1hh")]
    [InlineData("trigger.filter", "close > 0", "funding_zz < 2", null, "funding_zz")]
    [InlineData("exit.when", "close > 0", null, "cross_below(close, ema_slowww)", "ema_slowww")]
    public void An_unknown_name_is_blamed_on_its_key(string field, string when, string? filter, string? exitWhen, string name)
    {
        var bars = SyntheticBars.RandomWalk(50, 1);
        var blueprint = Blueprints.Long("b", new Trigger(When: when, Filter: filter), exitWhen is null ? TimeStop : new ExitPolicy(When: exitWhen));
        var e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(blueprint, bars, _ => null, NoEvents));
        Assert.Equal((field, name), (e.Field, e.Name));
        Assert.Equal($"blueprint 'b': {field} reads '{name}', which is neither a bar field (open, high, low, close, volume, quote_volume, funding_rate, open_interest) nor a column the compiler was given", e.Message);
    }

    [Fact]
    public void An_unknown_event_and_a_feature_its_condition_lacks_are_blamed_on_trigger_event()
    {
        var bars = SyntheticBars.RandomWalk(50, 1);
        var events = Events("vol_shock_up", "ret_1_z > 4", 12);
        var unknown = Blueprints.Long("b", new Trigger(Event: "vol_shok_up"), TimeStop);
        var e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(unknown, bars, _ => null, events));
        Assert.Equal(("trigger.event", "vol_shok_up"), (e.Field, e.Name));
        Assert.Equal("blueprint 'b': trigger.event names event 'vol_shok_up', which is not among the 1 event definitions given (did you mean 'vol_shock_up'?)", e.Message);

        var known = Blueprints.Long("b", new Trigger(Event: "vol_shock_up"), TimeStop);
        e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(known, bars, _ => null, events));
        Assert.Equal(("trigger.event", "ret_1_z"), (e.Field, e.Name));
        Assert.StartsWith("blueprint 'b': trigger.event names event 'vol_shock_up', which reads 'ret_1_z', which is neither a bar field", e.Message);
    }

    [Fact]
    public void A_syntax_error_names_its_key_and_column()
    {
        var bars = SyntheticBars.RandomWalk(50, 1);
        var blueprint = Blueprints.Long("b", new Trigger(When: "close > 1", Filter: "close >"), TimeStop);
        var e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(blueprint, bars, _ => null, NoEvents));
        Assert.Equal("trigger.filter", e.Field);
        Assert.Null(e.Name);
        Assert.Equal(8, Assert.IsType<ExpressionException>(e.InnerException).Column);
        Assert.StartsWith("blueprint 'b': trigger.filter 'close >' is not a valid condition: column 8: ", e.Message);
    }

    [Fact]
    public void A_timeframe_other_than_the_bars_is_refused()
    {
        var bars = SyntheticBars.RandomWalk(50, 1);
        var blueprint = Blueprints.Long("b", new Trigger(When: "close > 1"), TimeStop, timeframe: "1h");
        var e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(blueprint, bars, _ => null, NoEvents));
        Assert.Equal("blueprint 'b': timeframe is 1h but the bars of BTCUSDT are 5m: horizons and stops would be counted in the wrong bars", e.Message);
    }

    [Fact]
    public void A_column_off_the_bars_grid_is_refused()
    {
        var bars = SyntheticBars.RandomWalk(50, 1);
        var blueprint = Blueprints.Long("b", new Trigger(When: "z > 1"), TimeStop);
        var e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(blueprint, bars, _ => new double[49], NoEvents));
        Assert.Equal("blueprint 'b': trigger.when reads 'z', whose column has 49 values for 50 bars of BTCUSDT: columns must share the bars' grid", e.Message);
    }

    [Fact]
    public void Atr_period_names_are_computed_with_Wilders_rule_when_no_column_has_them()
    {
        var bars = SyntheticBars.RandomWalk(300, 7);
        var blueprint = Blueprints.Long("b", new Trigger(When: "close > 0"), new ExitPolicy(StopLossAtr: 2, Atr: "atr_20"));
        var atr = StrategyCompiler.Compile(blueprint, bars, _ => null, NoEvents).Atr!;
        var expected = WilderAtr(bars, 20);
        for (var t = 0; t < bars.Count; t++)
        {
            if (double.IsNaN(expected[t])) Assert.True(double.IsNaN(atr[t]), $"bar {t}: warm-up must be NaN");
            else Assert.Equal(expected[t], atr[t], 1e-9 * expected[t]);
        }
        Assert.Equal(20, Array.FindIndex(atr, double.IsFinite));
    }

    [Fact]
    public void A_given_atr_column_is_used_as_is_and_an_unknown_non_atr_name_is_refused()
    {
        var bars = SyntheticBars.RandomWalk(60, 3);
        var column = Enumerable.Range(0, 60).Select(i => 10.0 + i).ToArray();
        var blueprint = Blueprints.Long("b", new Trigger(When: "close > 0"), new ExitPolicy(TakeProfitAtr: 3, Atr: "atr_14"));
        var strategy = StrategyCompiler.Compile(blueprint, bars, name => name == "atr_14" ? column : null, NoEvents);
        Assert.Same(column, strategy.Atr);
        Assert.Equal(new ExitRules(null, null, 3), strategy.ExitRules);

        var other = blueprint with { Exit = new ExitPolicy(StopLossAtr: 1, Atr: "range_14") };
        var e = Assert.Throws<StrategyCompilationException>(() => StrategyCompiler.Compile(other, bars, _ => null, NoEvents));
        Assert.Equal(("exit.atr", "range_14"), (e.Field, e.Name));
        Assert.Null(StrategyCompiler.Compile(blueprint with { Exit = TimeStop }, bars, _ => null, NoEvents).Atr);
    }

    [Fact]
    public void Required_columns_are_what_the_expressions_and_the_trigger_event_read()
    {
        var events = Events("shock", "ret_1_z > 4 and volume > lag(volume, 1)", 12);
        var blueprint = Blueprints.Long("b", new Trigger(Event: "shock", Filter: "rv_1h_z < 2"),
            new ExitPolicy(When: "cross_below(ema_fast, ema_slow)", StopLossAtr: 2, Atr: "atr_14"));
        Assert.Equal(["atr_14", "ema_fast", "ema_slow", "ret_1_z", "rv_1h_z", "volume"], StrategyCompiler.RequiredColumns(blueprint, events));
        var inline = Blueprints.Long("b", new Trigger(When: "cross_above(close, highest(high, 20))"), new ExitPolicy(TimeStopBars: 12, Atr: null));
        Assert.Equal(["close", "high"], StrategyCompiler.RequiredColumns(inline, events));
    }

    [Fact]
    public void Signals_at_bar_t_do_not_change_when_later_bars_are_removed()
    {
        var bars = SyntheticBars.RandomWalk(3000, 11, barVol: 0.004);
        var graph = FeatureGraph.Build(
        [
            new FeatureDefinition("ema_fast", "ema", ["close"], [new("period", 12)], "fast"),
            new FeatureDefinition("ema_slow", "ema", ["close"], [new("period", 48)], "slow"),
            new FeatureDefinition("ret_1", "log_return", ["close"], [new("bars", 1)], "return"),
            new FeatureDefinition("ret_1_z", "zscore", ["ret_1"], [new("window", 288)], "shock"),
            new FeatureDefinition("atr_14", "atr", null, [new("period", 14)], "atr"),
        ]);
        var events = Events("shock", "ret_1_z > 2", 24);
        var blueprints = new[]
        {
            Blueprints.Long("cross", new Trigger(When: "cross_above(ema_fast, ema_slow)"), new ExitPolicy(When: "cross_below(ema_fast, ema_slow)")),
            Blueprints.Long("event", new Trigger(Event: "shock", Filter: "close > ema_slow"), new ExitPolicy(TimeStopBars: 12, StopLossAtr: 2, Atr: "atr_14")),
        };
        foreach (var blueprint in blueprints)
        {
            var full = StrategyCompiler.Compile(blueprint, bars, FeatureColumns.OnDemand(graph, bars).Get, events);
            Assert.Contains(true, full.Entry);
            foreach (var cut in new[] { 500, 1777, 2999 })
            {
                var prefix = bars.Slice(0, cut);
                var part = StrategyCompiler.Compile(blueprint, prefix, FeatureColumns.OnDemand(graph, prefix).Get, events);
                Assert.Equal(full.Entry.AsSpan(0, cut).ToArray(), part.Entry);
                if (full.Exit is not null) Assert.Equal(full.Exit.AsSpan(0, cut).ToArray(), part.Exit!);
                if (full.Atr is not null) Assert.Equal(full.Atr.AsSpan(0, cut).ToArray(), part.Atr!);
            }
        }
    }

    /// <summary>TA-Lib's ATR written out: TR from bar 1, the first ATR at bar `period` is the mean of TR[1..period], then ATR = (ATR·(p−1) + TR) / p.</summary>
    private static double[] WilderAtr(BarFrame b, int period)
    {
        var n = b.Count;
        var atr = Enumerable.Repeat(double.NaN, n).ToArray();
        double TrueRange(int t) => Math.Max(b.High[t] - b.Low[t], Math.Max(Math.Abs(b.High[t] - b.Close[t - 1]), Math.Abs(b.Low[t] - b.Close[t - 1])));
        var sum = 0.0;
        for (var t = 1; t <= period; t++) sum += TrueRange(t);
        atr[period] = sum / period;
        for (var t = period + 1; t < n; t++) atr[t] = (atr[t - 1] * (period - 1) + TrueRange(t)) / period;
        return atr;
    }
}
