using Backtest.Core.Statistics;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class DistributionTests
{
    [Fact]
    public void Normal_known_values()
    {
        Assert.Equal(0.5, StandardNormal.Cdf(0.0), 15);
        Assert.Equal(0.975002104851780, StandardNormal.Cdf(1.96), 12);
        Assert.Equal(1.6448536269514722, StandardNormal.Quantile(0.95), 10);
        Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0.0));
        Assert.Equal(double.PositiveInfinity, StandardNormal.Quantile(1.0));
        Assert.True(double.IsNaN(StandardNormal.Quantile(1.5)));
        Assert.True(double.IsNaN(StandardNormal.Quantile(double.NaN)));
    }

    [Fact]
    public void Student_t_edge_cases()
    {
        Assert.Equal(0.5, StudentT.Cdf(0.0, 3.5), 15);
        Assert.True(double.IsNaN(StudentT.Cdf(1.0, 0.0)));
        Assert.True(double.IsNaN(StudentT.Cdf(1.0, -1.0)));
        Assert.True(double.IsNaN(StudentT.Cdf(double.NaN, 5.0)));
        Assert.True(double.IsNaN(StudentT.Quantile(0.5, 0.0)));
        Assert.Equal(double.PositiveInfinity, StudentT.Quantile(1.0, 4.0));
        // The upper tail keeps precision where 1 − CDF would round to zero.
        Assert.True(StudentT.UpperTail(40.0, 50.0) > 0.0);
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Match_scipy_on_a_grid_including_fractional_degrees_of_freedom()
    {
        ReferenceTools.Require(ReferenceTools.Python);
        double[] xs = [-8.5, -3.1, -1.0, -0.25, 0.0, 0.4, 1.7, 2.33, 5.0, 12.0];
        double[] dofs = [1.0, 1.5, 3.7, 10.25, 57.0, 1000.5];
        double[] ps = [1e-9, 0.001, 0.025, 0.3, 0.5, 0.77, 0.975, 0.999999];
        var script = """
            import sys
            from scipy import stats
            xs, dofs, ps = [list(map(float, l.split())) for l in sys.stdin.read().strip().split('\n')]
            print('ncdf', *[repr(stats.norm.cdf(x)) for x in xs])
            print('nppf', *[repr(stats.norm.ppf(p)) for p in ps])
            for i, d in enumerate(dofs):
                print(f'tcdf{i}', *[repr(stats.t.cdf(x, d)) for x in xs])
                print(f'tsf{i}', *[repr(stats.t.sf(x, d)) for x in xs])
                print(f'tppf{i}', *[repr(stats.t.ppf(p, d)) for p in ps])
            """;
        var stdin = StatisticsVectors.Format(xs) + "\n" + StatisticsVectors.Format(dofs) + "\n" + StatisticsVectors.Format(ps);
        var r = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, stdin));

        for (var i = 0; i < xs.Length; i++) AssertRelative(r["ncdf"][i], StandardNormal.Cdf(xs[i]), 1e-12, $"Phi({xs[i]})");
        for (var i = 0; i < ps.Length; i++) AssertRelative(r["nppf"][i], StandardNormal.Quantile(ps[i]), 1e-10, $"Phi^-1({ps[i]})");
        for (var d = 0; d < dofs.Length; d++)
        {
            for (var i = 0; i < xs.Length; i++)
            {
                AssertRelative(r[$"tcdf{d}"][i], StudentT.Cdf(xs[i], dofs[d]), 1e-10, $"t cdf({xs[i]}, {dofs[d]})");
                AssertRelative(r[$"tsf{d}"][i], StudentT.UpperTail(xs[i], dofs[d]), 1e-10, $"t sf({xs[i]}, {dofs[d]})");
            }
            for (var i = 0; i < ps.Length; i++)
                AssertRelative(r[$"tppf{d}"][i], StudentT.Quantile(ps[i], dofs[d]), 1e-8, $"t ppf({ps[i]}, {dofs[d]})");
        }
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected) + 1e-15 || actual == expected,
            $"{what}: reference {expected:R}, ours {actual:R}");
}
