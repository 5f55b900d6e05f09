using Backtest.Testing;
using Backtest.Core.Bars;
using Backtest.Core.Engine;
using Backtest.Core.Strategies;
using static Backtest.Core.Tests.Engine.KernelFixtures;

using Backtest.Core.Market;

namespace Backtest.Core.Tests.Engine;

/// <summary>
/// The kernel against an independent, textbook event loop (backtrader's order of things: orders queued at a close,
/// executed at the next open, percentage commission, fixed size) on 100k simulated bars, trade for trade.
/// </summary>
public sealed class ReferenceBacktestTests
{
    private const int N = 100_000;
    private const double CommissionRate = 0.001; // 10 bps, as backtrader's setcommission(commission=0.001)

    private sealed record RefTrade(int EntryBar, long EntryTs, double EntryPrice, int ExitBar, long ExitTs, double ExitPrice,
        double Size, double Commission, double PnlGross, double PnlNet, bool Open);

    /// <summary>A plain loop: at each bar execute the queued order at the open, then look at the close and maybe queue one.</summary>
    private static List<RefTrade> Reference(BarFrame bars, bool[] entry, bool[] exit, int hold, int side, double size)
    {
        var trades = new List<RefTrade>();
        var pending = 0; // +1 open, -1 close
        var position = 0.0;
        int signalBar = -1, entryBar = -1;
        double entryPrice = 0, entryCommission = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            var fillTs = bars.Ts[i] - bars.Timeframe.Milliseconds;
            if (pending == 1)
            {
                position = side * size;
                entryBar = i;
                entryPrice = bars.Open[i];
                entryCommission = CommissionRate * size * entryPrice;
            }
            else if (pending == -1)
            {
                var exitPrice = bars.Open[i];
                var commission = entryCommission + CommissionRate * size * exitPrice;
                var gross = position * (exitPrice - entryPrice);
                trades.Add(new RefTrade(entryBar, bars.Ts[entryBar] - bars.Timeframe.Milliseconds, entryPrice, i, fillTs, exitPrice, position, commission, gross, gross - commission, false));
                position = 0;
            }
            pending = 0;
            if (i == bars.Count - 1) break; // no next open for this close's orders
            if (position != 0)
            {
                if (exit[i] || i - signalBar >= hold) pending = -1;
            }
            else if (entry[i])
            {
                pending = 1;
                signalBar = i;
            }
        }
        if (position != 0)
        {
            var mark = bars.Close[^1];
            var gross = position * (mark - entryPrice);
            trades.Add(new RefTrade(entryBar, bars.Ts[entryBar] - bars.Timeframe.Milliseconds, entryPrice, bars.Count - 1, bars.Ts[^1], double.NaN, position, entryCommission, gross, gross - entryCommission, true));
        }
        return trades;
    }

    /// <summary>close crosses above the highest high of the previous 20 bars.</summary>
    private static bool[] Breakout(BarFrame bars, int lookback)
    {
        var signal = new bool[bars.Count];
        bool wasAbove = false;
        for (var i = lookback; i < bars.Count; i++)
        {
            var highest = double.MinValue;
            for (var k = i - lookback; k < i; k++) highest = Math.Max(highest, bars.High[k]);
            var above = bars.Close[i] > highest;
            signal[i] = above && !wasAbove;
            wasAbove = above;
        }
        return signal;
    }

    [Theory]
    [InlineData(Direction.Long, 12, 1.0, 42UL)]
    [InlineData(Direction.Short, 30, 0.25, 43UL)]
    public void Kernel_trades_match_a_textbook_reimplementation_trade_for_trade(Direction direction, int hold, double size, ulong seed)
    {
        var bars = SyntheticBars.RandomWalk(N, seed, funding: false);
        var entry = Breakout(bars, 20);
        var rng = new TestRandom(seed + 100);
        var exit = Enumerable.Range(0, N).Select(_ => rng.NextDouble() < 0.03).ToArray();
        var costs = CostFile(takerBps: CommissionRate * 1e4);
        var result = Kernel(costs, capital: 1e9).Run(
            Strategy(entry, exit, timeStop: hold, direction: direction, sizing: new FixedUnitsSizing(size)), bars);

        var expected = Reference(bars, entry, exit, hold, (int)direction, size);
        var actual = result.Trades.Concat(result.OpenTrade is { } o ? [o] : []).ToList();
        Assert.True(expected.Count > 1_000, $"the test market should trade a lot, it traded {expected.Count} times");
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            var where = $"trade {i} (entry bar {e.EntryBar})";
            Assert.True(e.EntryBar == a.EntryBar && e.ExitBar == a.ExitBar && e.EntryTs == a.EntryTs && e.ExitTs == a.ExitTs && e.Open == a.IsOpen,
                $"{where}: expected bars {e.EntryBar}→{e.ExitBar} open={e.Open}, got {a.EntryBar}→{a.ExitBar} open={a.IsOpen}");
            Assert.Equal(e.EntryPrice, a.EntryPrice);
            if (!e.Open) Assert.Equal(e.ExitPrice, a.ExitPrice);
            Assert.Equal(e.Size, a.Quantity);
            Assert.True(Math.Abs(e.Commission - a.Fees) <= 1e-9 * Math.Max(1, e.Commission), $"{where}: fees {a.Fees} vs {e.Commission}");
            Assert.True(Math.Abs(e.PnlGross - a.PricePnl) <= 1e-9 * Math.Max(1, Math.Abs(e.PnlGross)), $"{where}: price P&L {a.PricePnl} vs {e.PnlGross}");
            Assert.True(Math.Abs(e.PnlNet - a.NetPnl) <= 1e-9 * Math.Max(1, Math.Abs(e.PnlNet)), $"{where}: net P&L {a.NetPnl} vs {e.PnlNet}");
        }
        var finalEquity = 1e9 + expected.Sum(t => t.PnlNet);
        Assert.Equal(finalEquity, result.Ledger.Equity[^1], 1e-4);
    }
}
