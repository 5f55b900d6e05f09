namespace Backtest.Core.Strategies;

/// <summary>Raised when blueprint JSON does not match the schema's shape (bad syntax, unknown or missing key, wrong type), with the position.</summary>
public sealed class BlueprintFormatException(string path, long line, long column, string problem, Exception? inner = null)
    : Exception($"blueprint JSON at line {line}, column {column} ({path}): {problem}", inner)
{
    /// <summary>JSON path of the offending value ("$" for the document).</summary>
    public string JsonPath { get; } = path;
    /// <summary>1-based line.</summary>
    public long Line { get; } = line;
    /// <summary>1-based column where the reader stopped: just after the offending token or key.</summary>
    public long Column { get; } = column;
    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; } = problem;
}
