using System.Text.Json;
using Backtest.Core.Features.Kernels;

namespace Backtest.Core.Tests.Features;

/// <summary>
/// EMA, RSI, ATR, STDDEV and SMA against outputs of TA-Lib's own C code (vectors/features/talib, see its README)
/// and against outputs published in ta-lib-python's test suite.
/// </summary>
public sealed class TaLibConformanceTests
{
    /// <summary>Index where the `@137` columns restart: a NaN is planted just before it.</summary>
    private const int RestartIndex = 137;

    public static TheoryData<string, string> Columns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "btcusdt_5m.csv", "flat_then_tiny.csv" })
            foreach (var column in FeatureTestData.ReadCsv(FeatureTestData.VectorPath("talib", file)).Keys)
                if (column.Contains('_')) data.Add(file, column);
        return data;
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Matches_TaLib_C_output(string file, string column)
    {
        var data = FeatureTestData.ReadCsv(FeatureTestData.VectorPath("talib", file));
        var (function, period, restart) = Parse(column);
        double[] high = [.. data["high"]], low = [.. data["low"]], close = [.. data["close"]];
        var expected = data[column];
        if (restart is { } start)
        {
            // The NaN rule: a NaN bar restarts the recursion, so later values are TA-Lib's on the bars after it.
            close[start - 1] = double.NaN;
            var full = data[$"{function}_{period}"];
            expected = [.. full.AsSpan(0, start - 1), double.NaN, .. expected.AsSpan(start)];
        }

        var actual = new double[close.Length];
        switch (function)
        {
            case "EMA": FeatureKernels.Ema(close, period, actual); break;
            case "RSI": FeatureKernels.Rsi(close, period, actual); break;
            case "ATR": FeatureKernels.Atr(high, low, close, period, actual); break;
            case "SMA": FeatureKernels.RollingMean(close, period, actual); break;
            case "STDDEV": FeatureKernels.RollingStd(close, period, ddof: 0, actual); break;
            default: throw new InvalidDataException($"{file}: no kernel for column {column}");
        }

        if (function == "STDDEV")
        {
            // TA-Lib's STDDEV is √(E[x²] − E[x]²): its variance carries an absolute error of a few ulps of E[x²]
            // (≈ 6e-8 at BTC's 2.7e8), while ours is exact; compare variances within 16 such ulps.
            for (var t = 0; t < close.Length; t++)
            {
                if (double.IsNaN(expected[t]) || double.IsNaN(actual[t]))
                {
                    Assert.True(double.IsNaN(expected[t]) && double.IsNaN(actual[t]), $"{column}[{t}]: expected {expected[t]}, got {actual[t]}");
                    continue;
                }
                double meanSquare = 0;
                for (var k = t - period + 1; k <= t; k++) meanSquare += close[k] * close[k] / period;
                var tolerance = 16 * Math.BitIncrement(meanSquare) - 16 * meanSquare;
                Assert.True(Math.Abs(actual[t] * actual[t] - expected[t] * expected[t]) <= tolerance,
                    $"{column}[{t}]: variance {actual[t] * actual[t]:R} vs TA-Lib {expected[t] * expected[t]:R} (tolerance {tolerance:R})");
            }
            return;
        }
        // EMA/RSI/ATR use one fused multiply-add where TA-Lib rounds twice or divides: a few ulps apart.
        FeatureTestData.AssertClose(expected, actual, relative: 1e-12, absolute: 0, $"{file} {column}");
    }

    [Fact]
    public void Vectors_cover_the_nan_restart_and_the_flat_branch()
    {
        var btc = FeatureTestData.ReadCsv(FeatureTestData.VectorPath("talib", "btcusdt_5m.csv"));
        Assert.Contains($"EMA_12@{RestartIndex}", btc.Keys);
        Assert.Contains($"RSI_14@{RestartIndex}", btc.Keys);
        Assert.Contains($"ATR_14@{RestartIndex}", btc.Keys);
        var flat = FeatureTestData.ReadCsv(FeatureTestData.VectorPath("talib", "flat_then_tiny.csv"));
        Assert.Equal(0.0, flat["RSI_14"][20]); // TA-Lib's answer on a flat run
        Assert.Equal(400, btc["close"].Length);
    }

    public static TheoryData<string> PublishedCases()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(FeatureTestData.VectorPath("talib", "published.json")));
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void Matches_published_TaLib_outputs(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FeatureTestData.VectorPath("talib", "published.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var scale = c.TryGetProperty("scale", out var s) ? s.GetDouble() : 1.0;
        var input = c.GetProperty("input").EnumerateArray().Select(e => e.GetDouble() * scale).ToArray();
        var expected = c.GetProperty("expected").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble())
            .ToArray();
        var period = c.GetProperty("period").GetInt32();
        var actual = new double[input.Length];
        switch (c.GetProperty("function").GetString())
        {
            case "RSI": FeatureKernels.Rsi(input, period, actual); break;
            case "EMA": FeatureKernels.Ema(input, period, actual); break;
            default: throw new InvalidDataException(name);
        }
        // numpy's assert_array_almost_equal(decimal=d): |diff| < 1.5·10^-d.
        FeatureTestData.AssertClose(expected, actual, relative: 0, absolute: 1.5 * Math.Pow(10, -c.GetProperty("decimals").GetInt32()), name);
    }

    private static (string Function, int Period, int? Restart) Parse(string column)
    {
        var at = column.IndexOf('@');
        var name = at < 0 ? column : column[..at];
        var parts = name.Split('_');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            at < 0 ? null : int.Parse(column[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
