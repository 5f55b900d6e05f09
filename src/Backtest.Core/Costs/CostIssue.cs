namespace Backtest.Core.Costs;

/// <summary>One problem in a cost file: the key path (e.g. "fees.taker_bps") the Lake maps to a line, and what is wrong.</summary>
public sealed record CostIssue(string Path, string Message)
{
    /// <summary>"path: message", the form error lists print.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
