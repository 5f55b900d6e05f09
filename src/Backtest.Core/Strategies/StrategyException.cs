namespace Backtest.Core.Strategies;

/// <summary>Raised when a compiled strategy does not fit the bars or models it is run with.</summary>
public sealed class StrategyException(string strategyId, string problem)
    : Exception($"strategy '{strategyId}' cannot run: {problem}")
{
    /// <summary>The strategy's (blueprint's) id.</summary>
    public string StrategyId { get; } = strategyId;
}
