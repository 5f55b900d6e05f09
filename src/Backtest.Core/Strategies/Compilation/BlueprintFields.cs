namespace Backtest.Core.Strategies.Compilation;

/// <summary>
/// The blueprint keys (snake_case paths, as in spec/schemas/blueprint.schema.json) a compilation error can blame,
/// so the Lake can point at the key's line in the file the blueprint came from.
/// </summary>
public static class BlueprintFields
{
    /// <summary>The event id that triggers entries.</summary>
    public const string TriggerEvent = "trigger.event";
    /// <summary>The inline entry expression.</summary>
    public const string TriggerWhen = "trigger.when";
    /// <summary>The extra entry condition.</summary>
    public const string TriggerFilter = "trigger.filter";
    /// <summary>The exit condition.</summary>
    public const string ExitWhen = "exit.when";
    /// <summary>The ATR column the stop distances are measured in.</summary>
    public const string ExitAtr = "exit.atr";
    /// <summary>The bar length the blueprint counts its horizons in.</summary>
    public const string Timeframe = "timeframe";
}
