namespace Backtest.Core.Features;

/// <summary>
/// Features that read each other in a loop, so none can be computed first. <see cref="Cycle"/> is the loop starting
/// and ending at its smallest id (a → b → a); <see cref="FeatureSpecException.FeatureId"/> is that first feature.
/// </summary>
public sealed class FeatureCycleException(IReadOnlyList<string> cycle)
    : FeatureSpecException(cycle[0], "of",
        $"features read each other in a cycle: {string.Join(" → ", cycle)} (→ means 'reads'); a feature cannot depend on itself, directly or through other features")
{
    /// <summary>The features in the cycle, in reading order, the first repeated at the end.</summary>
    public IReadOnlyList<string> Cycle { get; } = cycle;
}
