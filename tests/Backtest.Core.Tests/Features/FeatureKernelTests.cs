using System.Text.Json;
using Backtest.Core.Features.Kernels;

namespace Backtest.Core.Tests.Features;

/// <summary>Conventions of the kernels pinned on small hand-checked inputs and the STATISTICS.md vectors.</summary>
public sealed class FeatureKernelTests
{
    public static TheoryData<string> AmihudCases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FeatureTestData.VectorPath("amihud.json")));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
    }

    [Theory]
    [MemberData(nameof(AmihudCases))]
    public void Amihud_matches_the_statistics_vector(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FeatureTestData.VectorPath("amihud.json")));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var r = c.GetProperty("returns").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var q = c.GetProperty("quote_volume").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var y = new double[r.Length];
        FeatureKernels.Amihud(r, q, c.GetProperty("window").GetInt32(), c.GetProperty("scale").GetDouble(), y);
        var expected = c.GetProperty("expected_last").GetDouble();
        Assert.True(Math.Abs(y[^1] - expected) <= 1e-15 * expected, $"{name}: {y[^1]:R}, expected {expected:R}");
        Assert.All(y[..^1], v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Amihud_is_nan_when_no_bar_in_the_window_traded()
    {
        double[] r = [0.01, 0, 0, 0.02];
        double[] q = [1e6, 0, 0, 2e6];
        var y = new double[4];
        FeatureKernels.Amihud(r, q, 2, 1, y);
        Assert.True(double.IsNaN(y[2]));
        Assert.Equal(0.01 / 1e6, y[1]);
        Assert.Equal(0.02 / 2e6, y[3]);
    }

    [Fact]
    public void Funding_level_carries_the_last_settled_rate_and_zero_prints_are_real()
    {
        double[] rate = [0, 0, 0.0003, 0, 0, 0, 0, -0.0001, 0];
        double[] hours = [0, 0, 8, 0, 0, 8, 0, 4, 0];
        var y = new double[rate.Length];
        FeatureKernels.FundingLevel(rate, hours, annualize: false, y);
        Assert.True(double.IsNaN(y[0]) && double.IsNaN(y[1]));          // before the first settlement
        Assert.Equal([0.0003, 0.0003, 0.0003, 0.0, 0.0, -0.0001, -0.0001], y[2..]); // a zero print replaces 0.0003
        FeatureKernels.FundingLevel(rate, hours, annualize: true, y);
        Assert.Equal(0.0003 * 1095, y[2], 15);    // 8h: three settlements a day
        Assert.Equal(-0.0001 * 2190, y[7], 15);   // 4h: six a day
    }

    [Fact]
    public void Returns_and_open_interest_change_are_nan_where_undefined()
    {
        double[] x = [100, 110, double.NaN, 121, 0, 50];
        var log = new double[x.Length];
        var simple = new double[x.Length];
        FeatureKernels.LogReturn(x, 1, log);
        FeatureKernels.SimpleReturn(x, 1, simple);
        Assert.True(double.IsNaN(log[0]) && double.IsNaN(log[2]) && double.IsNaN(log[3]) && double.IsNaN(log[4]) && double.IsNaN(log[5]));
        Assert.Equal(Math.Log(1.1), log[1], 15);
        Assert.Equal(0.1, simple[1], 15);
        Assert.True(double.IsNaN(simple[5])); // from a zero base
        Assert.Equal(-1.0, simple[4]);
        FeatureKernels.LogReturn(x, 2, log);
        Assert.Equal(Math.Log(121.0 / 110), log[3], 15);
    }

    [Fact]
    public void Bar_range_is_spread_over_close()
    {
        var y = new double[2];
        FeatureKernels.BarRange([102, 10], [98, 9], [100, 0], y);
        Assert.Equal(0.04, y[0], 15);
        Assert.True(double.IsNaN(y[1]));
    }

    [Fact]
    public void Rsi_is_100_on_a_rising_series_and_0_on_a_flat_one()
    {
        double[] rising = [1, 2, 3, 4, 5, 6];
        double[] flat = [7, 7, 7, 7, 7, 7];
        var y = new double[6];
        FeatureKernels.Rsi(rising, 3, y);
        Assert.Equal([100.0, 100, 100], y[3..]);
        FeatureKernels.Rsi(flat, 3, y);
        Assert.Equal([0.0, 0, 0], y[3..]);
    }

    [Fact]
    public void Nan_inside_a_series_restarts_recursive_kernels_and_spoils_only_windows_that_hold_it()
    {
        double[] x = [1, 2, 3, 4, double.NaN, 6, 7, 8, 9];
        var ema = new double[x.Length];
        var mean = new double[x.Length];
        FeatureKernels.Ema(x, 2, ema);
        FeatureKernels.RollingMean(x, 2, mean);
        // EMA(2): seed (1+2)/2 at 1, then restarts after the NaN: seed (6+7)/2 at 6.
        Assert.Equal(1.5, ema[1]);
        Assert.True(double.IsNaN(ema[4]) && double.IsNaN(ema[5]));
        Assert.Equal(6.5, ema[6]);
        Assert.Equal(6.5 + 2.0 / 3 * (8 - 6.5), ema[7], 14);
        Assert.True(double.IsNaN(mean[4]) && double.IsNaN(mean[5]));
        Assert.Equal(3.5, mean[3]);
        Assert.Equal(6.5, mean[6]);
    }

    [Fact]
    public void Short_and_empty_series_give_all_nan_without_failing()
    {
        double[] x = [1, 2, 3];
        var y = new double[3];
        FeatureKernels.RollingStd(x, 5, 0, y);
        Assert.All(y, v => Assert.True(double.IsNaN(v)));
        FeatureKernels.Ema(x, 5, y);
        Assert.All(y, v => Assert.True(double.IsNaN(v)));
        FeatureKernels.Atr(x, x, x, 5, y);
        Assert.All(y, v => Assert.True(double.IsNaN(v)));
        FeatureKernels.Rsi([], 14, []);
        FeatureKernels.RollingZScore([], 3, 0, []);
        FeatureKernels.TrueRange([], [], [], []);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_the_numbers()
    {
        var y = new double[3];
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FeatureKernels.RollingStd(new double[3], 1, 0, y));
        Assert.Contains("window must be at least 2", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureKernels.RollingStd(new double[3], 3, 2, y));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureKernels.Rsi(new double[3], 1, y));
        var length = Assert.Throws<ArgumentException>(() => FeatureKernels.Ema(new double[4], 2, y));
        Assert.Contains("3 elements", length.Message);
        var shared = new double[6];
        var overlap = Assert.Throws<ArgumentException>(() => FeatureKernels.RollingMean(shared.AsSpan(0, 4), 2, shared.AsSpan(2, 4)));
        Assert.Contains("overlaps", overlap.Message);
    }
}
