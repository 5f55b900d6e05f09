using Backtest.Core.Simulation;
using Xunit.Abstractions;

namespace Backtest.Pipeline.Tests.Research;

/// <summary>
/// Statistical validity of discovery on the default family and gates (spec/): on pure noise it almost never
/// finds anything; a planted effect of documented size is found with the right sign and horizon.
/// </summary>
public sealed class DiscoveryValidityTests(ITestOutputHelper output) : IClassFixture<ResearchHarness>
{
    private readonly ResearchHarness _harness = new();

    /// <summary>
    /// Null: 200 seeds, no planted effect, 180 days of 5m bars each, the full default family (BY, q ≤ 0.05).
    /// Under the global null every discovery is false, so the share of seeds with any discovery estimates the
    /// family-wise error, which BY bounds by 5%. Tested bound: 5% plus the one-sided 95% binomial sampling error
    /// for 200 seeds, 0.05 + 1.645·√(0.05·0.95/200) = 0.0754, i.e. at most 15 of 200 seeds.
    /// </summary>
    [Fact]
    public void On_pure_noise_at_most_5_percent_of_seeds_discover_anything()
    {
        const int seeds = 200;
        var withDiscovery = new int[seeds];
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            withDiscovery[i] = _harness.Run(1000UL + (ulong)i, 180, []).Count(r => r.Verdict.Passed));
        var share = withDiscovery.Count(n => n > 0) / (double)seeds;
        output.WriteLine($"null: {withDiscovery.Count(n => n > 0)} of {seeds} seeds with any discovery ({share:P1}); family of {_harness.Family.Count} hypotheses");
        Assert.True(share <= 0.0754, $"{share:P1} of seeds found something on pure noise (bound 7.54%)");
    }

    /// <summary>
    /// Power: +30 bps over the 12 bars after each upward jump (~300 a year), 365 days per seed, 100 seeds: the
    /// hypothesis vol_shock_up / h12 / long must pass every gate in at least 90% of seeds, with a positive mean.
    /// </summary>
    [Fact]
    public void A_planted_30_bps_effect_is_found_in_at_least_90_percent_of_seeds()
    {
        var power = Power(30, 100);
        Assert.True(power >= 0.90, $"the planted effect was found in only {power:P0} of seeds");
    }

    /// <summary>The power curve over effect sizes, for the record (printed; only its monotone shape is asserted).</summary>
    [Fact]
    public void Power_curve_over_effect_sizes()
    {
        var sizes = new[] { 10.0, 20, 30, 40 };
        var curve = sizes.Select(s => Power(s, 40)).ToArray();
        for (var i = 0; i < sizes.Length; i++) output.WriteLine($"power at +{sizes[i]} bps / 12 bars: {curve[i]:P0} (40 seeds, 365 days)");
        Assert.True(curve[^1] >= curve[0], "power must not fall as the effect grows");
    }

    private double Power(double bps, int seeds)
    {
        var effect = new PlantedEffect("drift_after_jump_up", EffectTrigger.JumpUp, 0, bps, 12);
        var found = new bool[seeds];
        Parallel.For(0, seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var r = _harness.Run(5000UL + (ulong)i, 365, [effect]).Single(x => x.Hypothesis.Id == "BTCUSDT/vol_shock_up/h12/long");
            found[i] = r.Verdict.Passed && r.Result.MeanBps > 0;
        });
        var power = found.Count(f => f) / (double)seeds;
        output.WriteLine($"+{bps} bps: found in {found.Count(f => f)} of {seeds} seeds");
        return power;
    }
}
