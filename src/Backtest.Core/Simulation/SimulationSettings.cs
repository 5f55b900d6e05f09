using Backtest.Core.Time;

namespace Backtest.Core.Simulation;

/// <summary>
/// Everything one symbol's simulation depends on (the <c>--sim-*</c> parameters): the base seed
/// (<c>--sim-seed</c>, shared by all symbols so they share the market factor), the first bar's OPEN time
/// <see cref="Start"/> (ms UTC, a multiple of the timeframe; the first bar's close ts is Start + timeframe),
/// the number of days, the timeframe and the effects to plant.
/// </summary>
public sealed record SimulationSettings(
    string Symbol,
    ulong Seed,
    long Start,
    int Days,
    Timeframe Timeframe,
    IReadOnlyList<PlantedEffect> Effects)
{
    /// <summary>The longest simulation accepted (100 years): keeps bar counts far from int overflow.</summary>
    public const int MaxDays = 36_500;

    /// <summary>Number of bars simulated: Days × 1440 / timeframe minutes.</summary>
    public int BarCount => (int)((long)Days * 1440 / Timeframe.Minutes);

    /// <summary>Throws <see cref="InvalidSimulationSettingsException"/> saying what is wrong and how to fix it.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Symbol))
            throw new InvalidSimulationSettingsException("the symbol is empty; give the instrument name, e.g. BTCUSDT");
        if (Timeframe.Minutes <= 0)
            throw new InvalidSimulationSettingsException("the timeframe is unset; give one such as 5m or 1h");
        if (1440 % Timeframe.Minutes != 0 && Timeframe.Minutes % 1440 != 0)
            throw new InvalidSimulationSettingsException(
                $"the timeframe {Timeframe} neither divides a day nor is a whole number of days; the simulator needs bars on a daily grid (1m, 5m, 15m, 1h, 4h, 1d …)");
        if (Days < 1 || Days > MaxDays)
            throw new InvalidSimulationSettingsException($"--sim-days is {Days}; it must be between 1 and {MaxDays}");
        if ((long)Days * 1440 % Timeframe.Minutes != 0)
            throw new InvalidSimulationSettingsException(
                $"--sim-days {Days} is not a whole number of {Timeframe} bars; use a multiple of {Timeframe.Minutes / 1440} days");
        if (Start % Timeframe.Milliseconds != 0)
            throw new InvalidSimulationSettingsException(
                $"--sim-start {Start} ms is not aligned to the {Timeframe} grid (it is {((Start % Timeframe.Milliseconds) + Timeframe.Milliseconds) % Timeframe.Milliseconds} ms past a bar boundary); " +
                $"use a bar open time such as {Start - ((Start % Timeframe.Milliseconds) + Timeframe.Milliseconds) % Timeframe.Milliseconds}");
        if (Effects is null)
            throw new InvalidSimulationSettingsException("the effects list is null; pass an empty list for none");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effect in Effects)
        {
            if (effect is null) throw new InvalidSimulationSettingsException("the effects list contains a null entry");
            effect.Validate();
            if (!ids.Add(effect.Id))
                throw new InvalidSimulationSettingsException("the id is used by more than one effect; ids must be unique so occurrences can be told apart", effect.Id);
        }
    }
}
