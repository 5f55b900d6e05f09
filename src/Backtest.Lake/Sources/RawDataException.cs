namespace Backtest.Lake.Sources;

/// <summary>
/// Raw exchange input that cannot be imported as it is: a malformed CSV row, timestamps that go backwards or
/// sit off the bar grid, a missing raw folder, a symbol the folder lacks. Carries where (file, line, field) so
/// the one-paragraph message points the user at the exact spot to look.
/// </summary>
public sealed class RawDataException : Exception
{
    /// <summary>Creates the error; <paramref name="line"/> and <paramref name="field"/> are null for whole-file or folder problems.</summary>
    public RawDataException(string file, long? line, string? field, string problem, Exception? inner = null)
        : base(Render(file, line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file (or folder) at fault, as the user named it; a zip entry reads "archive.zip:entry.csv".</summary>
    public string File { get; }

    /// <summary>1-based physical line number (the header is line 1), or null.</summary>
    public long? Line { get; }

    /// <summary>Column name at fault (e.g. "close"), or null.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }

    private static string Render(string file, long? line, string? field, string problem)
    {
        var where = file;
        if (line is { } l) where += $" line {l}";
        if (field is not null) where += $", field '{field}'";
        return $"{where}: {problem}";
    }
}
