using Backtest.Testing;
namespace Backtest.Parquet.Tests.Support;

/// <summary>Tables that exercise every type and the awkward values: NaN, ±Inf, -0, int extremes, nulls, empty and non-ASCII strings.</summary>
public static class TestTables
{
    /// <summary>Strings that break naive codecs: empty, non-ASCII, astral plane (surrogate pairs), quotes, long.</summary>
    public static readonly string[] AwkwardStrings =
    [
        "", "a", "BTCUSDT", "é", "日本語", "emoji 🚀", "\uE000 private use", "quote ' and \" and \\", "tab\tnew\nline",
        new string('x', 300), "Ω≈ç√∫", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ];

    /// <summary>Every type, required and nullable, with edge values spread over <paramref name="rows"/> rows.</summary>
    public static ParquetTable EdgeCases(int rows, ulong seed = 1)
    {
        var rng = new TestRandom(seed);
        var ts = new long[rows];
        var i64 = new long[rows];
        var i32 = new int[rows];
        var f64 = new double[rows];
        var f32 = new float[rows];
        var b = new bool[rows];
        var s = new string?[rows];
        var i64n = new long[rows];
        var f64n = new double[rows];
        var i32n = new int[rows];
        var bn = new bool[rows];
        var f32n = new float[rows];
        var sn = new string?[rows];
        var nulls = new bool[6][];
        for (var k = 0; k < nulls.Length; k++) nulls[k] = new bool[rows];
        long[] longEdges = [long.MinValue, long.MaxValue, 0, -1, 1, int.MinValue, int.MaxValue];
        int[] intEdges = [int.MinValue, int.MaxValue, 0, -1, 1];
        double[] doubleEdges = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e-300];
        float[] floatEdges = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.0f, float.Epsilon, float.MaxValue];
        for (var r = 0; r < rows; r++)
        {
            ts[r] = 1_700_000_000_000L + r * 300_000L;
            i64[r] = r < longEdges.Length ? longEdges[r] : (long)rng.Next();
            i32[r] = r < intEdges.Length ? intEdges[r] : (int)rng.Next();
            f64[r] = r < doubleEdges.Length ? doubleEdges[r] : (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Below(40) - 20);
            f32[r] = r < floatEdges.Length ? floatEdges[r] : (float)(rng.NextDouble() * 1000 - 500);
            b[r] = rng.Below(3) == 0;
            s[r] = AwkwardStrings[rng.Below(AwkwardStrings.Length)] + (rng.Below(4) == 0 ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
            for (var k = 0; k < nulls.Length; k++) nulls[k][r] = rng.Below(4) == 0 || (r % 97 < 10 && k % 2 == 0);
            i64n[r] = nulls[0][r] ? 0 : (long)rng.Next();
            f64n[r] = nulls[1][r] ? 0 : r % 11 == 0 ? double.NaN : rng.NextDouble();
            i32n[r] = nulls[2][r] ? 0 : rng.Below(1000) - 500;
            bn[r] = !nulls[3][r] && rng.Below(2) == 0;
            f32n[r] = nulls[4][r] ? 0 : (float)rng.NextDouble();
            sn[r] = nulls[5][r] ? null : AwkwardStrings[rng.Below(AwkwardStrings.Length)];
        }
        return new ParquetTable(
            ParquetColumn.TimestampMillisUtc("ts", ts),
            ParquetColumn.Int64("i64", i64),
            ParquetColumn.Int32("i32", i32),
            ParquetColumn.Double("f64", f64),
            ParquetColumn.Float("f32", f32),
            ParquetColumn.Boolean("flag", b),
            ParquetColumn.String("name", s),
            ParquetColumn.Int64("i64_null", i64n, nulls[0]),
            ParquetColumn.Double("f64_null", f64n, nulls[1]),
            ParquetColumn.Int32("i32_null", i32n, nulls[2]),
            ParquetColumn.Boolean("flag_null", bn, nulls[3]),
            ParquetColumn.Float("f32_null", f32n, nulls[4]),
            ParquetColumn.String("name_null", sn, nullable: true));
    }

    /// <summary>Parses DuckDB's text for a double the way JavaScript printed it ("NaN", "Infinity", "-0", shortest round-trip).</summary>
    public static double ParseJsNumber(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        "-0" => -0.0,
        _ => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
    };
}
