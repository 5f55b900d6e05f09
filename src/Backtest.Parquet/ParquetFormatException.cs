namespace Backtest.Parquet;

/// <summary>
/// The one error a malformed, truncated or unsupported Parquet file raises: it names the file and what is
/// wrong in one readable paragraph, so a user can tell a damaged lake file from a bug in the caller.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> (a path, or a label for a stream).</summary>
    public ParquetFormatException(string file, string message)
        : base($"{file}: {message}")
    {
        File = file;
        Problem = message;
    }

    /// <summary>Creates the error keeping the low-level cause (e.g. a GZIP stream error).</summary>
    public ParquetFormatException(string file, string message, Exception inner)
        : base($"{file}: {message}", inner)
    {
        File = file;
        Problem = message;
    }

    /// <summary>The file (or stream label) the problem was found in.</summary>
    public string File { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
