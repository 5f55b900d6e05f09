using System.Collections.Concurrent;
using Backtest.Core.Simulation;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Simulation;

/// <summary>Shared long simulations (two years of 5m bars) so several stylised-fact tests reuse one run.</summary>
internal static class SimulationRuns
{
    /// <summary>2024-01-01 00:00 UTC, a Monday and an 8h boundary.</summary>
    public const long Start2024 = 1_704_067_200_000;

    private static readonly ConcurrentDictionary<(ulong Seed, string Symbol, int Days), Lazy<SimulatedMarket>> Cache = new();

    /// <summary>Drift-0 effects that only mark the jump and volume-shock bars (the truth of the triggers).</summary>
    public static readonly PlantedEffect[] Markers =
    [
        new("mark_jump_up", EffectTrigger.JumpUp, 0, 0, 1),
        new("mark_jump_down", EffectTrigger.JumpDown, 0, 0, 1),
        new("mark_volume_spike", EffectTrigger.VolumeSpike, 0, 0, 1),
    ];

    /// <summary>5m bars from 2024-01-01 with the drift-0 <see cref="Markers"/> planted (prices are pure noise).</summary>
    public static SimulatedMarket FiveMinute(ulong seed, string symbol, int days = 730) =>
        Cache.GetOrAdd((seed, symbol, days), key => new Lazy<SimulatedMarket>(() =>
            MarketSimulator.Simulate(new SimulationSettings(key.Symbol, key.Seed, Start2024, key.Days, Timeframe.Parse("5m"), Markers)))).Value;

    /// <summary>Bar indices of one marker effect.</summary>
    public static int[] Bars(SimulatedMarket market, string effectId) =>
        market.Planted.Where(o => o.EffectId == effectId).Select(o => o.BarIndex).ToArray();
}
