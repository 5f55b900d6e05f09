namespace Backtest.Core.Strategies.Compilation;

/// <summary>
/// A blueprint that cannot be turned into signals over the given bars: an expression that does not parse, a name no
/// column answers to, an unknown event, a timeframe that differs from the bars'. Carries the blueprint key
/// (<see cref="Field"/>, e.g. "trigger.filter") and the offending <see cref="Name"/> so a loader can locate it in the file.
/// </summary>
public sealed class StrategyCompilationException(string blueprintId, string field, string? name, string problem, Exception? inner = null)
    : Exception($"blueprint '{blueprintId}': {field} {problem}", inner)
{
    /// <summary>The blueprint's id.</summary>
    public string BlueprintId { get; } = blueprintId;
    /// <summary>The key at fault, one of <see cref="BlueprintFields"/>.</summary>
    public string Field { get; } = field;
    /// <summary>The unknown column or event name, when that is the problem; else null.</summary>
    public string? Name { get; } = name;
    /// <summary>What is wrong, without the blueprint and key prefix.</summary>
    public string Problem { get; } = problem;
}
