namespace Backtest.Core.Tests.Statistics;

/// <summary>
/// A tiny seeded generator (Steele et al.'s SplitMix64) so random test inputs are identical on every
/// runtime and machine, independent of System.Random's implementation.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;
    private double _spareNormal = double.NaN;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);

    /// <summary>A standard normal draw (Box–Muller: each pair of uniforms gives two normals).</summary>
    public double NextNormal()
    {
        if (!double.IsNaN(_spareNormal))
        {
            var spare = _spareNormal;
            _spareNormal = double.NaN;
            return spare;
        }
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = radius * Math.Sin(2.0 * Math.PI * u2);
        return radius * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>n draws from N(mean, sd²).</summary>
    public double[] Normals(int n, double mean = 0.0, double sd = 1.0)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = mean + sd * NextNormal();
        return x;
    }
}
