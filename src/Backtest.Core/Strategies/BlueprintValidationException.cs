namespace Backtest.Core.Strategies;

/// <summary>Raised for a blueprint that parses but cannot be traded; lists every issue at once.</summary>
public sealed class BlueprintValidationException(string blueprintId, IReadOnlyList<BlueprintIssue> issues)
    : Exception($"blueprint '{blueprintId}' is invalid: " + string.Join("; ", issues))
{
    /// <summary>The id of the blueprint (may be empty when the id itself is the problem).</summary>
    public string BlueprintId { get; } = blueprintId;
    /// <summary>Every issue, in path order.</summary>
    public IReadOnlyList<BlueprintIssue> Issues { get; } = issues;
}
