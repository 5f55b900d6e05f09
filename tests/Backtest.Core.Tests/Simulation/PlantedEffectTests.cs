using System.Globalization;
using Backtest.Core.Simulation;
using Backtest.Core.Time;
using Xunit.Abstractions;
using static Backtest.Core.Tests.Simulation.MarketStatistics;

namespace Backtest.Core.Tests.Simulation;

/// <summary>
/// Planted effects are the known truth discovery is scored against: they must add exactly the declared drift,
/// strictly after the trigger, and nothing else; and without them the triggers must predict nothing.
/// </summary>
public sealed class PlantedEffectTests(ITestOutputHelper output)
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");

    private static readonly PlantedEffect[] Effects =
    [
        new("after_jump_up", EffectTrigger.JumpUp, 0, 30, 12),
        new("after_jump_down", EffectTrigger.JumpDown, 0, -40, 6),
        new("after_high_funding", EffectTrigger.FundingAbove, 0.0002, -50, 288),
        new("after_low_funding", EffectTrigger.FundingBelow, 0.0, 20, 96),
        new("after_volume_spike", EffectTrigger.VolumeSpike, 0, 15, 24),
        new("calibration", EffectTrigger.Every, 500, 8, 700), // overlapping windows
        new("twin_of_jump_up", EffectTrigger.JumpUp, 0, 10, 12), // same trigger twice: additive
        new("eth_only", EffectTrigger.Every, 3, 100, 3, ["ETHUSDT"]),
    ];

    private static PlantedEffect[] WithoutDrift(IEnumerable<PlantedEffect> effects) => effects.Select(e => e with { DriftBps = 0 }).ToArray();

    private static SimulatedMarket Run(IReadOnlyList<PlantedEffect> effects, ulong seed = 11, int days = 120, string symbol = "BTCUSDT") =>
        MarketSimulator.Simulate(new SimulationSettings(symbol, seed, SimulationRuns.Start2024, days, FiveMinutes, effects));

    [Fact]
    public void Planting_moves_prices_by_exactly_the_planted_drift_strictly_after_each_trigger()
    {
        var planted = Run(Effects);
        var baseline = Run(WithoutDrift(Effects));
        var none = Run([]);
        var n = planted.Klines.Count;

        // the truth: same occurrences whatever the drift, in bar order then declaration order
        Assert.Equal(baseline.Planted, planted.Planted);
        Assert.DoesNotContain(planted.Planted, o => o.EffectId == "eth_only");
        foreach (var trigger in Effects.Where(e => e.AppliesTo("BTCUSDT")).Select(e => e.Id))
            Assert.Contains(planted.Planted, o => o.EffectId == trigger);
        var order = Effects.Select(e => e.Id).ToList();
        for (var j = 1; j < planted.Planted.Count; j++)
        {
            var (a, b) = (planted.Planted[j - 1], planted.Planted[j]);
            Assert.True(a.BarIndex < b.BarIndex || a.BarIndex == b.BarIndex && order.IndexOf(a.EffectId) < order.IndexOf(b.EffectId));
        }

        // planting changes no random draw: everything not derived from price is identical
        Assert.Equal(baseline.Klines.QuoteVolume!, planted.Klines.QuoteVolume!);
        Assert.Equal(baseline.Klines.Trades!, planted.Klines.Trades!);
        Assert.Equal(baseline.Funding.Rate, planted.Funding.Rate);
        Assert.Equal(baseline.OpenInterest.OpenInterest, planted.OpenInterest.OpenInterest);
        // drift-0 effects leave the market exactly as with no effects at all
        Assert.Equal(DeterminismTests.Digest(none with { Planted = [] }), DeterminismTests.Digest(baseline with { Planted = [] }));

        // expected cumulative log drift, re-implemented naively: bars i+1 … i+h of each occurrence
        var perBar = new double[n];
        var byId = Effects.ToDictionary(e => e.Id);
        foreach (var o in planted.Planted)
        {
            var e = byId[o.EffectId];
            for (var j = o.BarIndex + 1; j <= Math.Min(o.BarIndex + e.HorizonBars, n - 1); j++) perBar[j] += e.DriftBps * 1e-4 / e.HorizonBars;
        }
        double cumulative = 0;
        var tick = SymbolProfile.For("BTCUSDT").Tick;
        for (var i = 0; i < n; i++)
        {
            cumulative += perBar[i];
            var difference = Math.Log(planted.Klines.Close[i]) - Math.Log(baseline.Klines.Close[i]);
            // both closes are rounded to the tick: at most half a tick each
            var tolerance = tick / Math.Min(planted.Klines.Close[i], baseline.Klines.Close[i]) + 1e-12;
            Assert.True(Math.Abs(difference - cumulative) <= tolerance,
                $"bar {i}: log close moved {difference:E4}, planted drift so far {cumulative:E4}");
        }
        Assert.True(Math.Abs(cumulative) > 0.05, "the test planted a visible total drift");
    }

    [Fact]
    public void An_effect_for_another_symbol_leaves_this_one_untouched()
    {
        PlantedEffect[] ethOnly = [new("eth", EffectTrigger.JumpUp, 0, 100, 12, ["ETHUSDT"])];
        Assert.Equal(DeterminismTests.Digest(Run([], days: 20)), DeterminismTests.Digest(Run(ethOnly, days: 20)));
        var eth = Run(ethOnly, days: 20, symbol: "ethusdt"); // symbol names match case-insensitively
        Assert.NotEmpty(eth.Planted);
    }

    [Fact]
    public void Occurrences_near_the_end_plant_what_fits_and_record_the_trigger()
    {
        var m = Run([new PlantedEffect("late", EffectTrigger.Every, 100, 50, 1000)], days: 2);
        Assert.Equal(new[] { 0, 100, 200, 300, 400, 500 }, m.Planted.Select(o => o.BarIndex));
        Assert.Equal(m.Klines.Ts[500], m.Planted[^1].Ts);
    }

    public static IEnumerable<object[]> Rows() => ReadCsv("planted_effects.csv").Select(r => new object[]
    {
        r["trigger"], double.Parse(r["threshold"], CultureInfo.InvariantCulture), double.Parse(r["drift_bps"], CultureInfo.InvariantCulture),
        int.Parse(r["horizon_bars"], CultureInfo.InvariantCulture), int.Parse(r["seeds"], CultureInfo.InvariantCulture),
        int.Parse(r["days"], CultureInfo.InvariantCulture), int.Parse(r["min_occurrences"], CultureInfo.InvariantCulture),
    });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Planted_drift_is_measured_back_and_without_it_the_trigger_predicts_nothing(
        string trigger, double threshold, double driftBps, int horizon, int seeds, int days, int minOccurrences)
    {
        Assert.True(EffectTriggerNames.TryParse(trigger, out var kind), trigger);
        var effect = new PlantedEffect("effect", kind, threshold, driftBps, horizon);
        var planted = new List<double>();
        var inWindow = new List<double>();
        var nullSample = new List<double>();
        for (var s = 0; s < seeds; s++)
        {
            var seed = 5000 + (ulong)s;
            Collect(Run([effect], seed, days), effect, planted, inWindow);
            Collect(Run([effect with { DriftBps = 0 }], seed, days), effect, nullSample, null);
        }
        Assert.True(planted.Count >= minOccurrences, $"only {planted.Count} occurrences of {trigger}");
        Assert.Equal(planted.Count, nullSample.Count);

        // Log returns are martingale differences and forward windows of one effect rarely overlap (h ≤ 48
        // against hundreds of bars between triggers), so the iid standard error of the mean is honest here.
        var (zNull, meanNull, seNull) = ZScore(nullSample, 0);
        Assert.True(Math.Abs(zNull) < 4, $"{trigger} without drift: mean forward {horizon}-bar return {meanNull:F2} bps (SE {seNull:F2}), z = {zNull:F2}");
        // Where windows do overlap, the next occurrence's drift adds to this window (effects are additive):
        // the truth to measure back is the drift planted inside the windows, which is drift_bps plus that overlap.
        var truth = Mean(inWindow.ToArray());
        Assert.True(Math.Abs(truth - driftBps) <= 0.2 * Math.Abs(driftBps), $"overlap adds {truth - driftBps:F2} bps: choose a sparser trigger or a shorter horizon");
        var (z, mean, se) = ZScore(planted, truth);
        output.WriteLine($"{trigger} h={horizon}: n={planted.Count}; null {meanNull:F2} ± {seNull:F2} bps (z {zNull:F2}); planted {driftBps} (in windows {truth:F2}) → {mean:F2} ± {se:F2} bps (z {z:F2})");
        Assert.True(Math.Abs(z) < 4, $"{trigger} with {truth:F2} bps planted in the windows: measured {mean:F2} bps (SE {se:F2}), z = {z:F2}");
        Assert.True(se < Math.Abs(driftBps) / 4, $"standard error {se:F2} bps is too large to tell {driftBps} bps from 0");
    }

    /// <summary>Forward h-bar log returns (bps) after each occurrence, and the drift planted inside each window.</summary>
    private static void Collect(SimulatedMarket m, PlantedEffect effect, List<double> returns, List<double>? plantedInWindow)
    {
        var close = m.Klines.Close;
        var h = effect.HorizonBars;
        var perBar = new double[close.Length];
        foreach (var o in m.Planted)
            for (var j = o.BarIndex + 1; j <= Math.Min(o.BarIndex + h, close.Length - 1); j++) perBar[j] += effect.DriftBps / h;
        foreach (var o in m.Planted)
        {
            if (o.BarIndex + h >= close.Length) continue;
            returns.Add(1e4 * Math.Log(close[o.BarIndex + h] / close[o.BarIndex]));
            double sum = 0;
            for (var j = o.BarIndex + 1; j <= o.BarIndex + h; j++) sum += perBar[j];
            plantedInWindow?.Add(sum);
        }
    }

    private static (double Z, double Mean, double Se) ZScore(List<double> sample, double expected)
    {
        var x = sample.ToArray();
        var mean = Mean(x);
        var se = StandardDeviation(x) / Math.Sqrt(x.Length);
        return ((mean - expected) / se, mean, se);
    }
}
