namespace Backtest.Core.Costs;

/// <summary>Raised when cost settings are not usable; lists every issue so one edit can fix them all.</summary>
public sealed class CostSettingsException(IReadOnlyList<CostIssue> issues)
    : Exception("the cost settings are invalid: " + string.Join("; ", issues))
{
    /// <summary>Every issue found, in key order.</summary>
    public IReadOnlyList<CostIssue> Issues { get; } = issues;
}
