using System.Numerics;
using System.Runtime.CompilerServices;

namespace Backtest.Core.Simulation;

/// <summary>
/// The simulator's random stream: xoshiro256** 1.0 (Blackman &amp; Vigna 2018) seeded through
/// <see cref="SplitMix64"/>, with uniform, normal (Marsaglia polar), Student-t (Bailey's polar) and
/// exponential draws. Core may not use System.Random (its algorithm is an implementation detail that has
/// changed between .NET versions); this one is specified to the bit, fast (a handful of ns per draw) and,
/// with <see cref="PortableMath"/>, gives identical draws on every machine.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private const double TwoPowMinus52 = 1.0 / (1UL << 52);

    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>A stream whose four state words are the first four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is a fixed point (SplitMix64 never yields it, but be safe)
    }

    /// <summary>The next 64 random bits (the reference algorithm's <c>next()</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>Uniform on the open interval (0, 1): safe to take the logarithm of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * TwoPowMinus52;

    /// <summary>Standard normal draw by Marsaglia's polar method (the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        var f = Math.Sqrt(-2.0 * PortableMath.Log(s) / s);
        _spareNormal = v * f;
        _hasSpareNormal = true;
        return u * f;
    }

    /// <summary>
    /// Student-t draw with <paramref name="degreesOfFreedom"/> (&gt; 0) by Bailey's (1994) polar method:
    /// one uniform pair, one log and one exp per draw. Its variance is ν/(ν−2) for ν &gt; 2.
    /// </summary>
    public double NextStudentT(double degreesOfFreedom)
    {
        double u, v, w;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            w = u * u + v * v;
        } while (w >= 1.0 || w == 0.0);
        var powered = PortableMath.Exp(-2.0 / degreesOfFreedom * PortableMath.Log(w));
        return u * Math.Sqrt(degreesOfFreedom * (powered - 1.0) / w);
    }

    /// <summary>Exponential draw with mean 1.</summary>
    public double NextExponential() => -PortableMath.Log(NextOpenDouble());
}
