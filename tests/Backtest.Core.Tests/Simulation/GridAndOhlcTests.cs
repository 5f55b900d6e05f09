using Backtest.Core.Simulation;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Simulation;

/// <summary>Every series sits on its grid (bar closes, 00/08/16 UTC settlements) and every candle is self-consistent.</summary>
public sealed class GridAndOhlcTests
{
    private const long HourMs = 3_600_000;

    [Theory]
    [InlineData("1m", 2, 0)]
    [InlineData("5m", 10, 0)]
    [InlineData("5m", 10, 5)]      // starts at 05:00: first settlement covers a partial interval
    [InlineData("15m", 20, 0)]
    [InlineData("1h", 60, 3)]
    [InlineData("4h", 120, 4)]
    [InlineData("12h", 120, 12)]   // settlements fall inside bars
    [InlineData("1d", 200, 0)]
    [InlineData("2d", 200, -24)]   // 2023-12-31: 2-day bars are aligned to even days since 1970
    public void Series_sit_on_their_grids_and_candles_are_consistent(string timeframe, int days, int startHour)
    {
        var tf = Timeframe.Parse(timeframe);
        var start = SimulationRuns.Start2024 + startHour * HourMs;
        var m = MarketSimulator.Simulate(new SimulationSettings("ETHUSDT", 3, start, days, tf, []));
        var k = m.Klines;
        var n = (int)((long)days * 1440 / tf.Minutes);
        Assert.Equal(n, k.Count);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(start + (i + 1) * tf.Milliseconds, k.Ts[i]); // ts = bar close, contiguous
            Assert.Equal(0, k.Ts[i] % tf.Milliseconds);
            Assert.True(k.Low[i] > 0);
            Assert.True(k.Low[i] <= Math.Min(k.Open[i], k.Close[i]), $"bar {i}: low above open/close");
            Assert.True(k.High[i] >= Math.Max(k.Open[i], k.Close[i]), $"bar {i}: high below open/close");
            Assert.True(k.Volume[i] > 0 && double.IsFinite(k.Volume[i]));
            var vwap = k.QuoteVolume![i] / k.Volume[i];
            Assert.InRange(vwap, k.Low[i] * (1 - 1e-12), k.High[i] * (1 + 1e-12));
            Assert.InRange(k.TakerBuyVolume![i], 0, k.Volume[i]);
            Assert.True(k.Trades![i] >= 1);
            if (i > 0) Assert.Equal(k.Close[i - 1], k.Open[i]); // a perpetual trades continuously
            foreach (var p in new[] { k.Open[i], k.High[i], k.Low[i], k.Close[i] })
                Assert.True(Math.Abs(p / 0.01 - Math.Round(p / 0.01)) < 1e-6, $"bar {i}: {p} is off the 0.01 tick");
        }

        // funding: every 8h boundary in (start, last close], nothing else
        var expected = new List<long>();
        for (var s = (start / (8 * HourMs) + 1) * 8 * HourMs; s <= k.Ts[^1]; s += 8 * HourMs) expected.Add(s);
        Assert.Equal(expected, m.Funding.Ts);
        Assert.All(m.Funding.Ts, s => Assert.Contains(s % (24 * HourMs) / HourMs, new long[] { 0, 8, 16 }));
        Assert.All(m.Funding.IntervalHours, h => Assert.Equal(8.0, h));

        // open interest: one snapshot per bar close
        Assert.Equal(k.Ts, m.OpenInterest.Ts);
        for (var i = 0; i < n; i++)
        {
            Assert.True(m.OpenInterest.OpenInterest[i] > 0);
            Assert.Equal(m.OpenInterest.OpenInterest[i] * k.Close[i], m.OpenInterest.OpenInterestValue[i]);
        }
    }

    [Fact]
    public void Funding_triggers_fire_on_the_bar_holding_the_settlement()
    {
        // 12h bars: the 08:00 settlement lies inside the 00:00-12:00 bar and must fire on that bar, never earlier
        var tf = Timeframe.Parse("12h");
        var m = MarketSimulator.Simulate(new SimulationSettings("BTCUSDT", 5, SimulationRuns.Start2024, 60, tf,
            [new PlantedEffect("hi", EffectTrigger.FundingAbove, 0.0001, 0, 1)]));
        var expectedBars = new SortedSet<int>();
        for (var j = 0; j < m.Funding.Count; j++)
            if (m.Funding.Rate[j] > 0.0001)
                expectedBars.Add((int)((m.Funding.Ts[j] - SimulationRuns.Start2024 - 1) / tf.Milliseconds)); // bar with open < s <= close
        Assert.NotEmpty(expectedBars);
        Assert.Equal(expectedBars, m.Planted.Select(o => o.BarIndex));
        Assert.All(m.Planted, o => Assert.Equal(m.Klines.Ts[o.BarIndex], o.Ts));
    }
}
