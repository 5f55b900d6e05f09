namespace Backtest.Core.Simulation;

/// <summary>
/// A known truth to plant: after each <see cref="Trigger"/> at bar i, <see cref="DriftBps"/> basis points of
/// log drift are added evenly to the log returns of bars i+1 … i+<see cref="HorizonBars"/> (strictly after the
/// trigger, so the effect is causal). Discovery tests then check the pipeline finds what was planted.
/// <see cref="Threshold"/> is the funding rate for funding_* triggers and the period in bars for
/// <see cref="EffectTrigger.Every"/>; it must be 0 for the others. <see cref="Symbols"/> null or empty means all symbols.
/// </summary>
public sealed record PlantedEffect(
    string Id,
    EffectTrigger Trigger,
    double Threshold,
    double DriftBps,
    int HorizonBars,
    IReadOnlyList<string>? Symbols = null)
{
    /// <summary>True when this effect is planted into <paramref name="symbol"/> (case-insensitive match).</summary>
    public bool AppliesTo(string symbol)
    {
        if (Symbols is null || Symbols.Count == 0) return true;
        foreach (var s in Symbols)
            if (string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Throws <see cref="InvalidSimulationSettingsException"/> naming the field when the effect cannot be planted.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id))
            throw new InvalidSimulationSettingsException("every planted effect needs a non-empty id (it names the effect in logs and tests)");
        if (!Enum.IsDefined(Trigger))
            throw new InvalidSimulationSettingsException($"trigger {(int)Trigger} is not one of {string.Join(", ", EffectTriggerNames.All)}", Id);
        var name = Trigger.ToName();
        if (HorizonBars < 1)
            throw new InvalidSimulationSettingsException($"horizon_bars is {HorizonBars}; it must be at least 1 (the drift is spread over the bars after the trigger)", Id);
        if (!double.IsFinite(DriftBps))
            throw new InvalidSimulationSettingsException($"drift_bps is {DriftBps}; it must be a finite number of basis points", Id);
        if (Math.Abs(DriftBps) > 10_000)
            throw new InvalidSimulationSettingsException($"drift_bps is {DriftBps}; more than ±10,000 bps (±100% log) is not a plausible planted effect", Id);
        if (!double.IsFinite(Threshold))
            throw new InvalidSimulationSettingsException($"threshold is {Threshold}; it must be a finite number", Id);
        switch (Trigger)
        {
            case EffectTrigger.Every when Threshold < 1 || Threshold != Math.Floor(Threshold) || Threshold > int.MaxValue:
                throw new InvalidSimulationSettingsException($"trigger 'every' needs threshold = a whole number of bars ≥ 1, got {Threshold}", Id);
            case EffectTrigger.FundingAbove or EffectTrigger.FundingBelow when Math.Abs(Threshold) >= 0.01:
                throw new InvalidSimulationSettingsException(
                    $"trigger '{name}' compares the funding rate per settlement (0.0001 = 1 bp), but threshold is {Threshold}; rates are capped at ±0.003, so write e.g. 0.0005", Id);
            case EffectTrigger.JumpUp or EffectTrigger.JumpDown or EffectTrigger.VolumeSpike when Threshold != 0:
                throw new InvalidSimulationSettingsException($"trigger '{name}' takes no threshold (got {Threshold}); remove it", Id);
        }
        if (Symbols is not null)
            foreach (var s in Symbols)
                if (string.IsNullOrWhiteSpace(s))
                    throw new InvalidSimulationSettingsException("symbols contains an empty name", Id);
    }
}
