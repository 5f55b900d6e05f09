using System.Runtime.InteropServices;
using Backtest.Core.Features.Kernels;
using Backtest.Testing;

namespace Backtest.Core.Tests.Features;

/// <summary>
/// The four-lane rolling-moment path must give the scalar path's bits exactly (same operations per lane), for every
/// length around the group boundaries, with NaNs, spikes and a huge offset in the data.
/// </summary>
public sealed class RollingLaneParityTests
{
    public static TheoryData<int, int> Shapes()
    {
        var data = new TheoryData<int, int>();
        foreach (var window in new[] { 2, 3, 5, 14, 97, 288 })
        {
            var lengths = new SortedSet<int>();
            foreach (var blocks in new[] { 7, 8, 9, 11, 12, 13, 40 })
                foreach (var extra in new[] { -1, 0, 1, window / 2 })
                    lengths.Add(blocks * window + extra);
            foreach (var length in lengths) data.Add(window, length);
        }
        return data;
    }

    [Fact]
    public void X64_machines_run_the_lane_path()
    {
        // Otherwise the parity theory below would compare the scalar path with itself.
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64) Assert.True(WindowMoments.LanesSupported);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Lane_path_is_bit_identical_to_the_scalar_path(int window, int length)
    {
        var rng = new TestRandom((ulong)(window * 100_003 + length));
        var x = new double[length];
        var price = 1e9;
        for (var i = 0; i < length; i++)
        {
            price += rng.NextGaussian();
            x[i] = price;
            var roll = rng.NextDouble();
            if (roll < 0.002) x[i] = double.NaN;
            else if (roll < 0.004) x[i] = price * 1e6; // a spike that must leave no residue
        }

        foreach (var ddof in new[] { 0, 1 })
        {
            AssertSameBits(Run(FeatureKernels.RollingStd, x, window, ddof, vectorize: false), Run(FeatureKernels.RollingStd, x, window, ddof, vectorize: true));
            AssertSameBits(Run(FeatureKernels.RollingZScore, x, window, ddof, vectorize: false), Run(FeatureKernels.RollingZScore, x, window, ddof, vectorize: true));
        }
    }

    private delegate void Kernel(ReadOnlySpan<double> x, int window, int ddof, Span<double> y, bool vectorize);

    private static double[] Run(Kernel kernel, double[] x, int window, int ddof, bool vectorize)
    {
        var y = new double[x.Length];
        y.AsSpan().Fill(-12345.0); // a slot the kernel forgot would show
        kernel(x, window, ddof, y, vectorize);
        return y;
    }

    private static void AssertSameBits(double[] scalar, double[] lanes)
    {
        for (var t = 0; t < scalar.Length; t++)
        {
            if (double.IsNaN(scalar[t]) && double.IsNaN(lanes[t])) continue;
            Assert.True(BitConverter.DoubleToInt64Bits(scalar[t]) == BitConverter.DoubleToInt64Bits(lanes[t]),
                $"t={t}: scalar {scalar[t]:R}, lanes {lanes[t]:R}");
        }
    }
}
