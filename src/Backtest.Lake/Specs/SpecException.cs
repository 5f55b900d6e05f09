namespace Backtest.Lake.Specs;

/// <summary>
/// A spec (or any user-written YAML) that cannot be accepted. The message is one paragraph in compiler
/// style, "spec/events/vol_shock.yaml:3:7: unknown feature 'rv_1hh' (did you mean 'rv_1h'?)", so editors
/// and terminals can jump to it.
/// </summary>
public sealed class SpecException(string file, int line, int column, string detail)
    : Exception($"{file}:{line}:{column}: {detail}")
{
    /// <summary>Repository-relative (or as given) path of the file.</summary>
    public string File { get; } = file;
    /// <summary>1-based line.</summary>
    public int Line { get; } = line;
    /// <summary>1-based column.</summary>
    public int Column { get; } = column;
    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; } = detail;
}
