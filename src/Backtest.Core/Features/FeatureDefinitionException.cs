namespace Backtest.Core.Features;

/// <summary>A spec that breaks the operator catalog's rules (unknown operator, missing or out-of-range field, bad id).</summary>
public sealed class FeatureDefinitionException(string featureId, string key, string message)
    : FeatureSpecException(featureId, key, message)
{
    /// <summary>From the first of the problems found; the message lists all of them.</summary>
    public static FeatureDefinitionException From(IReadOnlyList<FeatureSpecProblem> problems) =>
        new(problems[0].FeatureId, problems[0].Key,
            problems.Count == 1 ? problems[0].Message : string.Join("; ", problems.Select(p => p.Message)));
}
