using System.Globalization;
using System.Text;
using Backtest.Parquet;

namespace Backtest.Stages.Certification;

/// <summary>
/// The canonical text form of an artifact for golden comparison: Parquet as CSV (header, one row per line,
/// doubles in shortest round-trip form, so equal text means equal bits), JSON and JSONL as written.
/// Text keeps golden/ reviewable in git and diffs readable.
/// </summary>
public static class CanonicalText
{
    /// <summary>The canonical text of the file at <paramref name="path"/>.</summary>
    public static string Of(string path) => Path.GetExtension(path) == ".parquet" ? ParquetAsCsv(path) : File.ReadAllText(path).Replace("\r\n", "\n");

    /// <summary>Where an artifact's canonical text is stored under golden/ (parquet → .csv).</summary>
    public static string GoldenName(string relativePath) =>
        Path.GetExtension(relativePath) == ".parquet" ? Path.ChangeExtension(relativePath, ".csv") : relativePath;

    /// <summary>A Parquet table as CSV.</summary>
    public static string ParquetAsCsv(string path)
    {
        var t = ParquetFile.Read(path);
        var sb = new StringBuilder();
        sb.Append(string.Join(",", t.Columns.Select(c => c.Name))).Append('\n');
        for (var r = 0; r < t.RowCount; r++)
        {
            for (var c = 0; c < t.Columns.Count; c++)
            {
                if (c > 0) sb.Append(',');
                sb.Append(Cell(t.Columns[c], r));
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Cell(ParquetColumn column, int row)
    {
        if (column.IsNull(row)) return "";
        return column.Values switch
        {
            double[] d => d[row].ToString("R", CultureInfo.InvariantCulture),
            float[] f => f[row].ToString("R", CultureInfo.InvariantCulture),
            long[] l => l[row].ToString(CultureInfo.InvariantCulture),
            int[] i => i[row].ToString(CultureInfo.InvariantCulture),
            bool[] b => b[row] ? "true" : "false",
            string?[] s => Quote(s[row] ?? ""),
            _ => throw new InvalidOperationException($"unsupported column type {column.Values.GetType().Name}"),
        };
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
