using System.Text.Json;
using Backtest.Core.Features.Kernels;
using Backtest.Testing;

namespace Backtest.Core.Tests.Features;

/// <summary>
/// Every kernel against an independent pandas/numpy computation (vectors/features/python/reference.py) on random
/// series: recursive kernels on inputs with a NaN warm-up (as when they read another feature), windowed kernels
/// on inputs with NaN runs anywhere. One python process computes every case (importing pandas costs seconds).
/// </summary>
public sealed class PythonReferenceTests
{
    private sealed record Case(string Name, Dictionary<string, object> Request, Func<double[]> Actual, double Relative, double Absolute);

    private static readonly Case[] Cases = [.. BuildCases()];

    private static readonly Lazy<Dictionary<string, double[]>> Expected = new(() =>
    {
        var requests = Cases.Select(c => c.Request.ToDictionary(
            kv => kv.Key,
            kv => kv.Value is double[] column ? JsonDocument.Parse(FeatureTestData.ToJsonArray(column)).RootElement : kv.Value));
        var script = File.ReadAllText(FeatureTestData.VectorPath("python", "reference.py"));
        var output = ReferenceTools.RunPython(script, JsonSerializer.Serialize(requests));
        using var doc = JsonDocument.Parse(output);
        var results = doc.RootElement.EnumerateArray().Select(FeatureTestData.FromJsonArray).ToArray();
        Assert.Equal(Cases.Length, results.Length);
        return Cases.Select((c, i) => (c.Name, results[i])).ToDictionary(p => p.Name, p => p.Item2);
    });

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [ReferenceTheory(ReferenceTools.Python)]
    [MemberData(nameof(Names))]
    public void Kernel_matches_pandas_numpy(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var expected = Expected.Value[name];
        Assert.Contains(expected, double.IsFinite); // a reference that is all NaN would prove nothing
        FeatureTestData.AssertClose(expected, c.Actual(), c.Relative, c.Absolute, name);
    }

    private static double[] WithWarmup(double[] x, int leadingNaN)
    {
        var copy = (double[])x.Clone();
        copy.AsSpan(0, Math.Min(leadingNaN, copy.Length)).Fill(double.NaN);
        return copy;
    }

    private static double[] Run(int n, Action<double[]> kernel)
    {
        var y = new double[n];
        kernel(y);
        return y;
    }

    private static IEnumerable<Case> BuildCases()
    {
        foreach (var (period, warmup, seed) in new[] { (2, 0, 11UL), (12, 1, 12UL), (50, 12, 13UL) })
        {
            var x = WithWarmup(FeatureTestData.RandomBars(600, seed).Close, warmup);
            yield return new Case($"ema period {period} after {warmup} warm-up NaN", new() { ["op"] = "ema", ["x"] = x, ["period"] = period },
                () => Run(x.Length, y => FeatureKernels.Ema(x, period, y)), 1e-12, 0);
        }
        foreach (var (period, warmup, seed) in new[] { (2, 0, 21UL), (14, 1, 22UL), (30, 12, 23UL) })
        {
            var x = WithWarmup(FeatureTestData.RandomBars(600, seed).Close, warmup);
            yield return new Case($"rsi period {period} after {warmup} warm-up NaN", new() { ["op"] = "rsi", ["x"] = x, ["period"] = period },
                () => Run(x.Length, y => FeatureKernels.Rsi(x, period, y)), 1e-11, 0);
        }
        foreach (var (period, seed) in new[] { (1, 31UL), (14, 32UL), (40, 33UL) })
        {
            var b = FeatureTestData.RandomBars(600, seed);
            yield return new Case($"atr period {period}", new() { ["op"] = "atr", ["high"] = b.High, ["low"] = b.Low, ["close"] = b.Close, ["period"] = period },
                () => Run(b.Count, y => FeatureKernels.Atr(b.High, b.Low, b.Close, period, y)), 1e-12, 0);
        }
        foreach (var (window, ddof, seed) in new[] { (2, 0, 41UL), (12, 0, 42UL), (12, 1, 43UL), (97, 1, 44UL) })
        {
            var x = FeatureTestData.SeriesWithNaNRuns(700, seed, runs: 4);
            yield return new Case($"rolling_std window {window} ddof {ddof} with NaN runs", new() { ["op"] = "rolling_std", ["x"] = x, ["window"] = window, ["ddof"] = ddof },
                () => Run(x.Length, y => FeatureKernels.RollingStd(x, window, ddof, y)), 1e-10, 0);
            yield return new Case($"zscore window {window} ddof {ddof} with NaN runs", new() { ["op"] = "zscore", ["x"] = x, ["window"] = window, ["ddof"] = ddof },
                () => Run(x.Length, y => FeatureKernels.RollingZScore(x, window, ddof, y)), 1e-9, 1e-12);
            yield return new Case($"rolling_mean window {window} with NaN runs ({seed})", new() { ["op"] = "rolling_mean", ["x"] = x, ["window"] = window },
                () => Run(x.Length, y => FeatureKernels.RollingMean(x, window, y)), 1e-12, 0);
        }
        foreach (var (bars, seed) in new[] { (1, 51UL), (12, 52UL), (288, 53UL) })
        {
            var close = FeatureTestData.RandomBars(900, seed).Close;
            yield return new Case($"log_return over {bars} bars", new() { ["op"] = "log_return", ["x"] = close, ["bars"] = bars },
                () => Run(close.Length, y => FeatureKernels.LogReturn(close, bars, y)), 1e-12, 1e-18);
        }
        foreach (var (window, seed) in new[] { (1, 54UL), (12, 55UL), (288, 56UL) })
        {
            var close = FeatureTestData.RandomBars(900, seed).Close;
            var r = Run(close.Length, y => FeatureKernels.LogReturn(close, 1, y));
            var scale = Math.Sqrt(105_120.0 / window);
            yield return new Case($"realized_vol window {window} annualised", new() { ["op"] = "realized_vol", ["x"] = r, ["window"] = window, ["scale"] = scale },
                () => Run(r.Length, y => FeatureKernels.RealizedVolatility(r, window, scale, y)), 1e-12, 0);
        }
        foreach (var (window, seed) in new[] { (1, 61UL), (288, 62UL) })
        {
            var b = FeatureTestData.RandomBars(900, seed);
            yield return new Case($"amihud window {window}", new() { ["op"] = "amihud", ["close"] = b.Close, ["qv"] = b.QuoteVolume, ["window"] = window, ["scale"] = 1e6 },
                () =>
                {
                    var r = Run(b.Count, y => FeatureKernels.LogReturn(b.Close, 1, y));
                    return Run(b.Count, y => FeatureKernels.Amihud(r, b.QuoteVolume, window, 1e6, y));
                }, 1e-11, 0);
        }
    }
}
