namespace Backtest.Targets;

/// <summary>One piece of a target's work, in declaration order: an uncached <c>Executes</c> or a cached <c>Actions</c> factory.</summary>
internal sealed record TargetStep(Action? Execute, Func<IEnumerable<BuildAction>>? Actions);
