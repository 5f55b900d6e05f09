using Backtest.Core.Simulation;

namespace Backtest.Core.Tests.Simulation;

/// <summary>The portable exp/log must agree with the platform's to within an ulp or two and get the edge cases right.</summary>
public sealed class PortableMathTests
{
    private static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

    private static IEnumerable<double> ExpArguments()
    {
        var rng = new Xoshiro256StarStar(11);
        for (var i = 0; i < 200_000; i++) yield return -745 + 1454.7 * rng.NextDouble();
        for (var i = 0; i < 200_000; i++) yield return -2 + 4 * rng.NextDouble();       // the range the simulator lives in
        for (var i = 0; i < 10_000; i++) yield return (rng.NextDouble() - 0.5) * 1e-6; // near zero
        foreach (var x in new[] { 0.5 * 0.6931471805599453, 1.5 * 0.6931471805599453, 1.0, -1.0, 700.0, -700.0, -708.5, -744.0, 709.78 })
            yield return x;
    }

    [Fact]
    public void Exp_is_within_one_ulp_of_the_platform()
    {
        var worst = 0.0;
        foreach (var x in ExpArguments())
        {
            var expected = Math.Exp(x);
            var actual = PortableMath.Exp(x);
            if (expected == 0 || double.IsInfinity(expected)) { Assert.Equal(expected, actual); continue; }
            var ulps = Math.Abs(actual - expected) / Ulp(expected);
            worst = Math.Max(worst, ulps);
        }
        Assert.True(worst <= 1.0, $"worst error {worst} ulp");
    }

    [Fact]
    public void Log_is_within_one_ulp_of_the_platform()
    {
        var rng = new Xoshiro256StarStar(12);
        var worst = 0.0;
        void Check(double x)
        {
            var expected = Math.Log(x);
            var actual = PortableMath.Log(x);
            if (expected == 0) { Assert.Equal(0.0, actual); return; }
            worst = Math.Max(worst, Math.Abs(actual - expected) / Ulp(expected));
        }
        for (var i = 0; i < 200_000; i++) Check(PortableMath.Exp(-700 + 1400 * rng.NextDouble()));
        for (var i = 0; i < 200_000; i++) Check(rng.NextOpenDouble());                  // what the RNG feeds it
        for (var i = 0; i < 20_000; i++) Check(1 + (rng.NextDouble() - 0.5) * 1e-5);  // |f| tiny branch
        for (var i = 0; i < 1_000; i++) Check(double.Epsilon * (1 + 1000 * rng.NextDouble())); // subnormals
        Check(double.MaxValue);
        Check(2.0);
        Check(0.5);
        Assert.True(worst <= 1.0, $"worst error {worst} ulp");
    }

    [Fact]
    public void Edge_cases_follow_IEEE_conventions()
    {
        Assert.Equal(1.0, PortableMath.Exp(0.0));
        Assert.True(double.IsNaN(PortableMath.Exp(double.NaN)));
        Assert.Equal(double.PositiveInfinity, PortableMath.Exp(710));
        Assert.Equal(double.PositiveInfinity, PortableMath.Exp(double.PositiveInfinity));
        Assert.Equal(0.0, PortableMath.Exp(-746));
        Assert.Equal(0.0, PortableMath.Exp(double.NegativeInfinity));
        Assert.Equal(0.0, PortableMath.Log(1.0));
        Assert.Equal(double.NegativeInfinity, PortableMath.Log(0.0));
        Assert.True(double.IsNaN(PortableMath.Log(-1.0)));
        Assert.True(double.IsNaN(PortableMath.Log(double.NaN)));
        Assert.Equal(double.PositiveInfinity, PortableMath.Log(double.PositiveInfinity));
    }

    [Fact]
    public void Pow_agrees_with_the_platform()
    {
        for (var x = 0.01; x < 100; x *= 1.37)
            foreach (var y in new[] { -3.5, -0.4, 0.5, 2.0, 7.25 })
                Assert.True(Math.Abs(PortableMath.Pow(x, y) / Math.Pow(x, y) - 1) <= 1e-13, $"pow({x},{y})");
    }
}
