using System.Globalization;

namespace Backtest.Core.Tests.Costs;

/// <summary>Reads the comma-separated test vectors under vectors/ (lines starting with # are comments; first data line is the header).</summary>
internal static class CsvVectors
{
    /// <summary>Rows of vectors/<paramref name="relativePath"/> as column-name → text maps.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "vectors", relativePath);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length != header.Length) throw new FormatException($"{path}: '{line}' has {cells.Length} cells, the header {header.Length}");
            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }

    /// <summary>Theory data: one row per vector, the whole row as its only argument (named for the test list).</summary>
    public static TheoryData<VectorRow> Theory(string relativePath)
    {
        var data = new TheoryData<VectorRow>();
        foreach (var row in Read(relativePath)) data.Add(new VectorRow(row));
        return data;
    }

    /// <summary>Invariant-culture number.</summary>
    public static double D(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>A vector row that prints itself, so each theory case is named by its data.</summary>
public sealed record VectorRow(IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>Number in <paramref name="column"/>.</summary>
    public double D(string column) => Cells.D(column);

    /// <summary>Text in <paramref name="column"/>.</summary>
    public string S(string column) => Cells[column];

    /// <inheritdoc />
    public override string ToString() => string.Join(",", Cells.Values);
}
