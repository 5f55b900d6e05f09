using Backtest.Core.Engine;
using Backtest.Core.Strategies;
using static Backtest.Core.Tests.Engine.KernelFixtures;

using Backtest.Core.Market;

namespace Backtest.Core.Tests.Engine;

/// <summary>The timing conventions, pinned on hand-made bars (open = 100 + i, close = open + 0.5).</summary>
public sealed class ResearchKernelTests
{
    private const int N = 20;
    private static readonly Backtest.Core.Bars.BarFrame Bars = SyntheticBars.FromPrices(Ramp(N, 100, 1), Ramp(N, 100.5, 1));

    [Fact]
    public void Signal_at_a_close_fills_at_the_next_open_and_a_time_stop_of_H_exits_at_signal_plus_H()
    {
        var r = Kernel().Run(Strategy(SyntheticBars.At(N, 3), timeStop: 4), Bars);
        var trade = Assert.Single(r.Trades);
        Assert.Equal((3, 4, 7, 8), (trade.EntrySignalBar, trade.EntryBar, trade.ExitSignalBar, trade.ExitBar));
        Assert.Equal((104.0, 108.0), (trade.EntryPrice, trade.ExitPrice));
        Assert.Equal(Bars.Ts[3], trade.EntryTs); // the fill time is bar 4's open = bar 3's close
        Assert.Equal(Bars.Ts[7], trade.ExitTs);
        Assert.Equal(4.0, trade.PricePnl);
        Assert.Equal(ExitReason.TimeStop, trade.ExitReason);
        Assert.Null(r.OpenTrade);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 0, 0], r.Ledger.Position[..10]);
        // equity: entry bar marks open→close (+0.5), three close→close bars (+1 each), exit bar close→open (+0.5)
        Assert.Equal(1_000_000.5, r.Ledger.Equity[4]);
        Assert.Equal(1_000_004.0, r.Ledger.Equity[8]);
        Assert.Equal(1_000_004.0, r.Ledger.Equity[^1]);
    }

    [Fact]
    public void Entries_while_in_a_position_or_exiting_are_ignored_and_re_entry_on_the_exit_fill_bar_is_taken()
    {
        // 3: enters (fills 4, exit signalled 7, fills 8); 5: in position; 7: exit pending; 8: flat after the open fill → enters at 9
        var r = Kernel().Run(Strategy(SyntheticBars.At(N, 3, 5, 7, 8), timeStop: 4), Bars);
        Assert.Equal([(3, 4, 8), (8, 9, 13)], r.Trades.Select(t => (t.EntrySignalBar, t.EntryBar, t.ExitBar)).ToArray());
        Assert.Equal(0, r.SkippedEntries);
        Assert.Equal(4, r.Fills.Count);
    }

    [Fact]
    public void The_last_bars_signals_are_dropped_and_a_trade_open_at_the_end_is_reported_open()
    {
        var r = Kernel().Run(Strategy(SyntheticBars.At(N, N - 3, N - 1), timeStop: 10), Bars);
        Assert.Empty(r.Trades);
        Assert.NotNull(r.OpenTrade);
        var open = r.OpenTrade.Value;
        Assert.True(open.IsOpen);
        Assert.Equal((N - 3, N - 2, -1, N - 1), (open.EntrySignalBar, open.EntryBar, open.ExitSignalBar, open.ExitBar));
        Assert.Equal(Bars.Close[N - 1], open.ExitReferencePrice);
        Assert.True(double.IsNaN(open.ExitPrice));
        Assert.Equal(Bars.Close[N - 1] - Bars.Open[N - 2], open.PricePnl);
        Assert.Equal(1_000_000 + open.PricePnl, r.Ledger.Equity[^1]);
        Assert.Single(r.Fills); // the entry only: the signal on the last bar has no next open

        var onlyLast = Kernel().Run(Strategy(SyntheticBars.At(N, N - 1), timeStop: 1), Bars);
        Assert.Empty(onlyLast.Fills);
        Assert.Null(onlyLast.OpenTrade);
    }

    [Fact]
    public void Exit_signals_count_from_the_entry_bars_close()
    {
        // exit true at the signal bar (not yet in a position: ignored) and at the entry bar (exits at the next open)
        var r = Kernel().Run(Strategy(SyntheticBars.At(N, 2), exit: SyntheticBars.At(N, 2, 3)), Bars);
        var trade = Assert.Single(r.Trades);
        Assert.Equal((2, 3, 3, 4, ExitReason.Signal), (trade.EntrySignalBar, trade.EntryBar, trade.ExitSignalBar, trade.ExitBar, trade.ExitReason));
    }

    [Fact]
    public void Atr_stops_are_checked_on_closes_not_on_intrabar_extremes()
    {
        //                 0    1    2    3     4    5     6    7
        double[] open = [100, 100, 100, 100,  100,  99,   99,  97];
        double[] close = [100, 100, 100, 100,  99,   99,  97.9, 97];
        var bars = SyntheticBars.FromPrices(open, close);
        bars.Low[4] = 90; // a wick far below the stop: a close-based stop ignores it
        var atr = Enumerable.Repeat(2.0, open.Length).ToArray();
        var r = Kernel().Run(Strategy(SyntheticBars.At(8, 2), stopLoss: 1, takeProfit: 5, atr: atr), bars);
        var trade = Assert.Single(r.Trades);
        // stop = entry open 100 − 1 × ATR 2 = 98: close 99 at bar 4 holds, close 97.9 at bar 6 exits at bar 7's open
        Assert.Equal((3, 6, 7, ExitReason.StopLoss), (trade.EntryBar, trade.ExitSignalBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(-3.0, trade.PricePnl);
    }

    [Fact]
    public void Take_profit_and_short_stops_mirror_the_long_ones()
    {
        double[] open = [100, 100, 100, 100, 101, 102, 103, 104];
        double[] close = [100, 100, 100, 101, 102, 102.9, 103, 104];
        var bars = SyntheticBars.FromPrices(open, close);
        var atr = Enumerable.Repeat(2.0, open.Length).ToArray();
        // long: take profit at 100 + 1.5 × 2 = 103 → close 103 at bar 6 exits at bar 7
        var tp = Assert.Single(Kernel().Run(Strategy(SyntheticBars.At(8, 2), stopLoss: 3, takeProfit: 1.5, atr: atr), bars).Trades);
        Assert.Equal((6, 7, ExitReason.TakeProfit), (tp.ExitSignalBar, tp.ExitBar, tp.ExitReason));
        // short: stop at 100 + 1.45 × 2 = 102.9 → close 102.9 at bar 5 exits at bar 6
        var sl = Assert.Single(Kernel().Run(Strategy(SyntheticBars.At(8, 2), stopLoss: 1.45, atr: atr, direction: Direction.Short), bars).Trades);
        Assert.Equal((5, 6, ExitReason.StopLoss), (sl.ExitSignalBar, sl.ExitBar, sl.ExitReason));
        Assert.Equal(-1.0, sl.Quantity);
        Assert.Equal(-3.0, sl.PricePnl);
    }

    [Fact]
    public void Entries_that_cannot_be_sized_are_skipped_and_counted()
    {
        var atr = Enumerable.Repeat(double.NaN, N).ToArray();
        atr[10] = 1;
        var r = Kernel().Run(Strategy(SyntheticBars.At(N, 2, 10), stopLoss: 1, timeStop: 2, atr: atr), Bars);
        Assert.Equal(1, r.SkippedEntries);
        Assert.Equal(10, Assert.Single(r.Trades).EntrySignalBar);
    }

    [Fact]
    public void Mismatched_columns_are_refused_with_the_strategy_named()
    {
        var ex = Assert.Throws<StrategyException>(() => Kernel().Run(Strategy(new bool[N - 1], timeStop: 2), Bars));
        Assert.Equal("strategy 'test' cannot run: its entry signal has 19 values for 20 bars of BTCUSDT", ex.Message);
        ex = Assert.Throws<StrategyException>(() => Kernel().Run(Strategy(new bool[N], stopLoss: 1), Bars));
        Assert.Equal("strategy 'test' cannot run: its stop-loss/take-profit needs the ATR column, which was not given", ex.Message);
        ex = Assert.Throws<StrategyException>(() => Kernel().Run(Strategy(new bool[N], timeStop: 2, symbol: "ETHUSDT"), Bars));
        Assert.Equal("strategy 'test' cannot run: it trades ETHUSDT but was given bars of BTCUSDT", ex.Message);
    }
}
