namespace Backtest.Core.Simulation;

/// <summary>The snake_case names of <see cref="EffectTrigger"/> used in effects files, in one place for the Lake and docs.</summary>
public static class EffectTriggerNames
{
    /// <summary>Every trigger name, in declaration order (for error messages that list what exists).</summary>
    public static readonly IReadOnlyList<string> All =
        ["jump_up", "jump_down", "funding_above", "funding_below", "volume_spike", "every"];

    /// <summary>The file name of a trigger ("jump_up").</summary>
    public static string ToName(this EffectTrigger trigger) => trigger switch
    {
        EffectTrigger.JumpUp => "jump_up",
        EffectTrigger.JumpDown => "jump_down",
        EffectTrigger.FundingAbove => "funding_above",
        EffectTrigger.FundingBelow => "funding_below",
        EffectTrigger.VolumeSpike => "volume_spike",
        EffectTrigger.Every => "every",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown effect trigger"),
    };

    /// <summary>Parses a trigger name exactly as written in files (lower case, underscores).</summary>
    public static bool TryParse(string? name, out EffectTrigger trigger)
    {
        switch (name)
        {
            case "jump_up": trigger = EffectTrigger.JumpUp; return true;
            case "jump_down": trigger = EffectTrigger.JumpDown; return true;
            case "funding_above": trigger = EffectTrigger.FundingAbove; return true;
            case "funding_below": trigger = EffectTrigger.FundingBelow; return true;
            case "volume_spike": trigger = EffectTrigger.VolumeSpike; return true;
            case "every": trigger = EffectTrigger.Every; return true;
            default: trigger = default; return false;
        }
    }

    /// <summary>True when the trigger reads <see cref="PlantedEffect.Threshold"/>.</summary>
    public static bool UsesThreshold(this EffectTrigger trigger) =>
        trigger is EffectTrigger.FundingAbove or EffectTrigger.FundingBelow or EffectTrigger.Every;
}
