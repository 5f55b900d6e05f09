using System.Text.Json;
using Backtest.Testing;

namespace Backtest.Parquet.Tests.Support;

/// <summary>The result of a DuckDB query: column names, DuckDB type names, and cells as lossless strings (null = SQL NULL).</summary>
public sealed record DuckResult(string[] Columns, string[] Types, string?[][] Rows, double[] TimingsMs)
{
    /// <summary>The cells of column <paramref name="name"/>.</summary>
    public string?[] Column(string name)
    {
        var i = Array.IndexOf(Columns, name);
        if (i < 0) throw new KeyNotFoundException($"DuckDB result has no column '{name}' ({string.Join(", ", Columns)})");
        return Rows.Select(r => r[i]).ToArray();
    }
}

/// <summary>Runs SQL in DuckDB through tests/duckdb/query.mjs (the pinned @duckdb/node-api): our independent reference.</summary>
public static class DuckDb
{
    /// <summary>Runs <paramref name="sql"/> (statements separated by ';') and returns the last statement's result.</summary>
    public static DuckResult Query(string sql, int repeat = 0, int threads = 1)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "duckdb", "query.mjs");
        var args = new List<string> { script, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (repeat > 0) args.AddRange(["--repeat", repeat.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.Add(sql);
        var json = ReferenceTools.Run(Node, args, workingDirectory: Path.Combine(RepoPaths.Root, "tests", "duckdb"));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var types = root.GetProperty("types").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Null ? null : c.GetString()).ToArray())
            .ToArray();
        var timings = root.GetProperty("timingsMs").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new DuckResult(columns, types, rows, timings);
    }

    /// <summary>Runs SQL expecting DuckDB to fail; returns its error text.</summary>
    public static string QueryError(string sql)
    {
        try
        {
            Query(sql);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
        throw new InvalidOperationException($"DuckDB accepted: {sql}");
    }

    /// <summary>A path quoted as a SQL string literal.</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''") + "'";

    private static string Node => File.Exists("/usr/bin/node") ? "/usr/bin/node" : "node";
}
