using BenchmarkDotNet.Attributes;
using Backtest.Core.Simulation;
using Backtest.Core.Time;

namespace Backtest.Benchmarks.Simulation;

/// <summary>
/// The null/power tests in CI simulate hundreds of seeds, so generation must be fast: target well under
/// 100 ms for two years of 5m bars (210,240 bars) on one core.
/// Run: dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*MarketSimulator*'
/// </summary>
[MemoryDiagnoser]
public class MarketSimulatorBenchmarks
{
    private SimulationSettings _plain = null!;
    private SimulationSettings _planted = null!;

    [GlobalSetup]
    public void Setup()
    {
        var tf = Timeframe.Parse("5m");
        _plain = new SimulationSettings("BTCUSDT", 42, 1_704_067_200_000, 730, tf, []);
        _planted = _plain with
        {
            Effects =
            [
                new PlantedEffect("drift_after_jump_up", EffectTrigger.JumpUp, 0, 30, 12),
                new PlantedEffect("drift_after_high_funding", EffectTrigger.FundingAbove, 0.0003, -20, 96),
                new PlantedEffect("drift_after_volume_spike", EffectTrigger.VolumeSpike, 0, 15, 24),
            ],
        };
    }

    /// <summary>Two years of 5m bars, no effects.</summary>
    [Benchmark(Baseline = true)]
    public SimulatedMarket TwoYearsOf5m() => MarketSimulator.Simulate(_plain);

    /// <summary>Two years of 5m bars with three planted effects.</summary>
    [Benchmark]
    public SimulatedMarket TwoYearsOf5mWithEffects() => MarketSimulator.Simulate(_planted);
}
