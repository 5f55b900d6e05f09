using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Backtest.Core.Simulation;
using Backtest.Core.Time;
using Backtest.Testing;

namespace Backtest.Core.Tests.Simulation;

/// <summary>Same settings → same bytes; a symbol's path depends only on (seed, symbol, start, timeframe, effects).</summary>
public sealed class DeterminismTests
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");

    private static SimulationSettings Settings(string symbol, ulong seed = 7, int days = 20, IReadOnlyList<PlantedEffect>? effects = null) =>
        new(symbol, seed, SimulationRuns.Start2024, days, FiveMinutes, effects ?? [new PlantedEffect("up", EffectTrigger.JumpUp, 0, 25, 12)]);

    /// <summary>A SHA-256 over every column's bytes: equal digests mean byte-identical outputs.</summary>
    internal static string Digest(SimulatedMarket m)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Longs(long[] a) { foreach (var v in a) sha.AppendData(BitConverter.GetBytes(v)); }
        void Doubles(double[] a) { foreach (var v in a) sha.AppendData(BitConverter.GetBytes(v)); }
        var k = m.Klines;
        Longs(k.Ts); Doubles(k.Open); Doubles(k.High); Doubles(k.Low); Doubles(k.Close); Doubles(k.Volume);
        Doubles(k.QuoteVolume!); Longs(k.Trades!); Doubles(k.TakerBuyVolume!);
        Longs(m.Funding.Ts); Doubles(m.Funding.Rate); Doubles(m.Funding.IntervalHours);
        Longs(m.OpenInterest.Ts); Doubles(m.OpenInterest.OpenInterest); Doubles(m.OpenInterest.OpenInterestValue);
        foreach (var o in m.Planted) sha.AppendData(Encoding.UTF8.GetBytes($"{o.EffectId}|{o.BarIndex}|{o.Ts};"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    [Fact]
    public void The_same_settings_give_byte_identical_outputs()
    {
        var a = MarketSimulator.Simulate(Settings("BTCUSDT"));
        var b = MarketSimulator.Simulate(Settings("BTCUSDT"));
        Assert.Equal(Digest(a), Digest(b));
        Assert.Equal(a.Klines.Close, b.Klines.Close);
        Assert.Equal(a.Planted, b.Planted);
    }

    [Fact]
    public void Different_symbols_and_seeds_give_different_paths()
    {
        var btc = MarketSimulator.Simulate(Settings("BTCUSDT"));
        var foo = MarketSimulator.Simulate(Settings("FOOUSDT"));
        var bar = MarketSimulator.Simulate(Settings("BARUSDT"));
        var btc8 = MarketSimulator.Simulate(Settings("BTCUSDT", seed: 8));
        var r = MarketStatistics.LogReturns(foo.Klines.Close);
        Assert.NotEqual(r, MarketStatistics.LogReturns(bar.Klines.Close));
        Assert.NotEqual(btc.Klines.Close, btc8.Klines.Close);
        Assert.NotEqual(btc.Funding.Rate, btc8.Funding.Rate);
        Assert.NotEqual(foo.Funding.Rate, bar.Funding.Rate);
    }

    [Fact]
    public void A_symbols_path_does_not_change_when_other_symbols_are_simulated()
    {
        var alone = Digest(MarketSimulator.Simulate(Settings("ETHUSDT")));
        // a whole universe, in parallel and in another order, must leave ETH untouched
        var universe = new[] { "SOLUSDT", "BTCUSDT", "ETHUSDT", "XRPUSDT", "DOGEUSDT", "ETHUSDT" };
        var digests = new string[universe.Length];
        Parallel.For(0, universe.Length, i => digests[i] = Digest(MarketSimulator.Simulate(Settings(universe[i]))));
        Assert.Equal(alone, digests[2]);
        Assert.Equal(alone, digests[5]);
    }

    [Fact]
    public void More_days_append_bars_without_changing_earlier_ones()
    {
        // every state is causal: the first 10 days of a 20-day run are the 10-day run
        var shortRun = MarketSimulator.Simulate(Settings("BTCUSDT", days: 10));
        var longRun = MarketSimulator.Simulate(Settings("BTCUSDT", days: 20));
        var n = shortRun.Klines.Count;
        Assert.Equal(shortRun.Klines.Close, longRun.Klines.Close.AsSpan(0, n).ToArray());
        Assert.Equal(shortRun.Klines.High, longRun.Klines.High.AsSpan(0, n).ToArray());
        Assert.Equal(shortRun.Klines.Volume, longRun.Klines.Volume.AsSpan(0, n).ToArray());
        Assert.Equal(shortRun.Klines.Trades!, longRun.Klines.Trades!.AsSpan(0, n).ToArray());
        Assert.Equal(shortRun.OpenInterest.OpenInterest, longRun.OpenInterest.OpenInterest.AsSpan(0, n).ToArray());
        Assert.Equal(shortRun.Funding.Rate, longRun.Funding.Rate.AsSpan(0, shortRun.Funding.Count).ToArray());
        Assert.Equal(shortRun.Planted, longRun.Planted.Where(o => o.BarIndex < n).ToArray());
    }

    [Fact]
    public void Output_is_pinned_so_any_change_to_the_model_or_its_math_is_deliberate()
    {
        // The certification run compares simulated data byte for byte across machines. This snapshot pins the
        // bytes of a small run (portable math: identical on every OS/CPU/.NET). A model change must update it.
        var settings = new SimulationSettings("BTCUSDT", 20240101, SimulationRuns.Start2024, 3, FiveMinutes,
            [new PlantedEffect("drift_after_jump_up", EffectTrigger.JumpUp, 0, 30, 12), new PlantedEffect("calibration", EffectTrigger.Every, 96, -5, 24)]);
        var m = MarketSimulator.Simulate(settings);
        var sb = new StringBuilder();
        sb.Append("sha256 ").Append(Digest(m)).Append('\n');
        sb.Append("bars ").Append(m.Klines.Count).Append(", settlements ").Append(m.Funding.Count).Append(", occurrences ").Append(m.Planted.Count).Append('\n');
        sb.Append("ts,open,high,low,close,volume,quote_volume,trades,taker_buy_volume,open_interest\n");
        for (var i = 0; i < 5; i++)
        {
            var k = m.Klines;
            sb.Append(CultureInfo.InvariantCulture, $"{k.Ts[i]},{k.Open[i]:R},{k.High[i]:R},{k.Low[i]:R},{k.Close[i]:R},{k.Volume[i]:R},{k.QuoteVolume![i]:R},{k.Trades![i]},{k.TakerBuyVolume![i]:R},{m.OpenInterest.OpenInterest[i]:R}\n");
        }
        sb.Append("funding\n");
        for (var j = 0; j < m.Funding.Count; j++) sb.Append(CultureInfo.InvariantCulture, $"{m.Funding.Ts[j]},{m.Funding.Rate[j]:R}\n");
        sb.Append("planted\n");
        foreach (var o in m.Planted) sb.Append(CultureInfo.InvariantCulture, $"{o.EffectId},{o.BarIndex},{o.Ts}\n");
        // PathMap (Directory.Build.props) rewrites [CallerFilePath] to /_/…, so name this file from the repo root.
        Snapshot.Verify(sb.ToString(), "btc_3_days", "txt", Path.Combine(RepoPaths.Root, "tests", "Backtest.Core.Tests", "Simulation", "DeterminismTests.cs"));
    }
}
