namespace Backtest.Lake.Tables;

/// <summary>A lake file that is not what its place says it is (missing column, wrong type): names file and column.</summary>
public sealed class LakeFormatException(string file, string detail) : Exception($"{file}: {detail}")
{
    /// <summary>The file.</summary>
    public string File { get; } = file;
}
