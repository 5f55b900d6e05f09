namespace Backtest.Core.Strategies;

/// <summary>One semantic problem in a blueprint: the JSON path of the offending key (snake_case, e.g. "sizing.units"), which the Lake maps to a line, and what is wrong.</summary>
public sealed record BlueprintIssue(string Path, string Message)
{
    /// <summary>"path: message".</summary>
    public override string ToString() => $"{Path}: {Message}";
}
