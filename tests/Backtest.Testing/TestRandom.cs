namespace Backtest.Testing;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014) for test data: the one seeded generator of the test suites, so random test inputs are
/// identical on every runtime and machine and never depend on System.Random's algorithm.
/// </summary>
public sealed class TestRandom(ulong seed)
{
    private ulong _state = seed;
    private double? _sparePolar;
    private double? _spareBoxMuller;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n), from <see cref="NextDouble"/>.</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);

    /// <summary>An integer in [0, n) by the modulo of 64 bits (the corrupted-file corpus is defined by this draw).</summary>
    public int Below(int n) => (int)(Next() % (ulong)n);

    /// <summary>A standard normal draw by Marsaglia's polar method (each accepted pair gives two).</summary>
    public double NextGaussian()
    {
        if (_sparePolar is { } s) { _sparePolar = null; return s; }
        double u, v, r;
        do { u = 2 * NextDouble() - 1; v = 2 * NextDouble() - 1; r = u * u + v * v; } while (r >= 1 || r == 0);
        var f = Math.Sqrt(-2 * Math.Log(r) / r);
        _sparePolar = v * f;
        return u * f;
    }

    /// <summary>A standard normal draw by Box–Muller (each pair of uniforms gives two).</summary>
    public double NextNormal()
    {
        if (_spareBoxMuller is { } s) { _spareBoxMuller = null; return s; }
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareBoxMuller = radius * Math.Sin(2.0 * Math.PI * u2);
        return radius * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>n draws from N(mean, sd²) by <see cref="NextNormal"/>.</summary>
    public double[] Normals(int n, double mean = 0.0, double sd = 1.0)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = mean + sd * NextNormal();
        return x;
    }
}
