namespace Backtest.Targets;

/// <summary>How many command-line values an option takes, so <c>--plan Features</c> leaves "Features" as a target.</summary>
internal enum OptionShape
{
    /// <summary>A switch: no value, or an explicit true/false.</summary>
    Flag,
    /// <summary>Exactly one value.</summary>
    Scalar,
    /// <summary>Every value up to the next option.</summary>
    List,
}
