using Backtest.Core.Simulation;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Simulation;

/// <summary>Bad settings and effects fail before any work, with the exact message a user reads.</summary>
public sealed class SimulationSettingsTests
{
    private const long Start = 1_704_067_200_000;

    private static SimulationSettings Valid(params PlantedEffect[] effects) => new("BTCUSDT", 1, Start, 10, Timeframe.Parse("5m"), effects);

    public static TheoryData<SimulationSettings, string> BadSettings() => new()
    {
        { Valid() with { Symbol = " " }, "the symbol is empty; give the instrument name, e.g. BTCUSDT" },
        { Valid() with { Days = 0 }, "--sim-days is 0; it must be between 1 and 36500" },
        { Valid() with { Start = Start + 60_000 }, "--sim-start 1704067260000 ms is not aligned to the 5m grid (it is 60000 ms past a bar boundary); use a bar open time such as 1704067200000" },
        { Valid() with { Timeframe = new Timeframe(7) }, "the timeframe 7m neither divides a day nor is a whole number of days; the simulator needs bars on a daily grid (1m, 5m, 15m, 1h, 4h, 1d …)" },
        { Valid() with { Timeframe = Timeframe.Parse("2d"), Start = Start - 86_400_000, Days = 5 }, "--sim-days 5 is not a whole number of 2d bars; use a multiple of 2 days" },
        { Valid(new PlantedEffect("", EffectTrigger.JumpUp, 0, 30, 12)), "every planted effect needs a non-empty id (it names the effect in logs and tests)" },
        { Valid(new PlantedEffect("a", EffectTrigger.JumpUp, 0, 30, 0)), "planted effect 'a': horizon_bars is 0; it must be at least 1 (the drift is spread over the bars after the trigger)" },
        { Valid(new PlantedEffect("a", EffectTrigger.JumpUp, 0.5, 30, 12)), "planted effect 'a': trigger 'jump_up' takes no threshold (got 0.5); remove it" },
        { Valid(new PlantedEffect("a", EffectTrigger.Every, 2.5, 30, 12)), "planted effect 'a': trigger 'every' needs threshold = a whole number of bars ≥ 1, got 2.5" },
        { Valid(new PlantedEffect("a", EffectTrigger.FundingAbove, 5, 30, 12)), "planted effect 'a': trigger 'funding_above' compares the funding rate per settlement (0.0001 = 1 bp), but threshold is 5; rates are capped at ±0.003, so write e.g. 0.0005" },
        { Valid(new PlantedEffect("a", EffectTrigger.JumpUp, 0, double.NaN, 12)), "planted effect 'a': drift_bps is NaN; it must be a finite number of basis points" },
        { Valid(new PlantedEffect("a", EffectTrigger.JumpUp, 0, 20_000, 12)), "planted effect 'a': drift_bps is 20000; more than ±10,000 bps (±100% log) is not a plausible planted effect" },
        { Valid(new PlantedEffect("a", EffectTrigger.JumpUp, 0, 30, 12), new PlantedEffect("a", EffectTrigger.JumpDown, 0, 30, 12)), "planted effect 'a': the id is used by more than one effect; ids must be unique so occurrences can be told apart" },
        { Valid(new PlantedEffect("a", EffectTrigger.JumpUp, 0, 30, 12, ["BTCUSDT", ""])), "planted effect 'a': symbols contains an empty name" },
        { Valid(new PlantedEffect("a", (EffectTrigger)42, 0, 30, 12)), "planted effect 'a': trigger 42 is not one of jump_up, jump_down, funding_above, funding_below, volume_spike, every" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_fail_with_a_readable_message(SimulationSettings settings, string message)
    {
        var e = Assert.Throws<InvalidSimulationSettingsException>(() => MarketSimulator.Simulate(settings));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_offending_effect_is_named_for_the_lake_to_locate_it()
    {
        var e = Assert.Throws<InvalidSimulationSettingsException>(() => Valid(new PlantedEffect("late", EffectTrigger.JumpUp, 0, 30, -1)).Validate());
        Assert.Equal("late", e.EffectId);
    }

    [Fact]
    public void Trigger_names_round_trip_and_unknown_names_are_rejected()
    {
        foreach (var trigger in Enum.GetValues<EffectTrigger>())
        {
            Assert.True(EffectTriggerNames.TryParse(trigger.ToName(), out var parsed));
            Assert.Equal(trigger, parsed);
        }
        Assert.Equal(Enum.GetValues<EffectTrigger>().Length, EffectTriggerNames.All.Count);
        Assert.False(EffectTriggerNames.TryParse("Jump_Up", out _));
        Assert.False(EffectTriggerNames.TryParse("jump", out _));
        Assert.False(EffectTriggerNames.TryParse(null, out _));
    }

    [Fact]
    public void Negative_start_times_and_every_supported_timeframe_are_accepted()
    {
        foreach (var tf in new[] { "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d" })
        {
            var s = new SimulationSettings("BTCUSDT", 1, -86_400_000L * 3, 3, Timeframe.Parse(tf), []);
            s.Validate();
            Assert.Equal(3 * 1440 / Timeframe.Parse(tf).Minutes, MarketSimulator.Simulate(s).Klines.Count);
        }
    }
}
