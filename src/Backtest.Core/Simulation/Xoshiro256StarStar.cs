using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Backtest.Core.Simulation;

/// <summary>
/// The simulator's random stream: xoshiro256** 1.0 (Blackman &amp; Vigna 2018) seeded through
/// <see cref="SplitMix64"/>, with uniform, normal and exponential (ziggurat) and Student-t draws. Core may not
/// use System.Random (its algorithm is an implementation detail that has changed between .NET versions); this
/// one is specified to the bit, fast (a few ns per draw) and, with <see cref="PortableMath"/>, gives identical
/// draws on every machine.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private const double TwoPowMinus52 = 1.0 / (1UL << 52);

    private ulong _s0, _s1, _s2, _s3;

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

    /// <summary>
    /// Standard normal draw by the ziggurat method (128 layers; one 64-bit draw in ~99% of calls: the low 7
    /// bits pick the layer, the top 53 bits the position, so they never share bits). The fast path is small
    /// enough to inline; wedges and the tail are out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextNormal()
    {
        var bits = NextUInt64();
        var i = (int)(bits & 0x7F);
        ref var x = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.NormalX); // 129 entries, i + 1 ≤ 128
        var candidate = ((bits >> 11) * TwoPowMinus52 - 1.0) * Unsafe.Add(ref x, i);
        return Math.Abs(candidate) < Unsafe.Add(ref x, i + 1) ? candidate : NormalOutsideRectangle(i, candidate);
    }

    /// <summary>The ziggurat's rare cases: the wedge test of layer i, the tail, and further rounds.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double NormalOutsideRectangle(int i, double candidate)
    {
        var x = ZigguratTables.NormalX;
        var f = ZigguratTables.NormalF;
        while (true)
        {
            if (i == 0) return NormalTail(candidate < 0);
            // wedge between the layer's rectangle and the curve
            if (f[i] + NextDouble() * (f[i + 1] - f[i]) < PortableMath.Exp(-0.5 * candidate * candidate)) return candidate;
            var bits = NextUInt64();
            i = (int)(bits & 0x7F);
            candidate = ((bits >> 11) * TwoPowMinus52 - 1.0) * x[i];
            if (Math.Abs(candidate) < x[i + 1]) return candidate;
        }
    }

    /// <summary>Marsaglia's (1964) tail beyond R for the ziggurat's base layer.</summary>
    private double NormalTail(bool negative)
    {
        double a, b;
        do
        {
            a = PortableMath.Log(NextOpenDouble()) / ZigguratTables.NormalR;
            b = PortableMath.Log(NextOpenDouble());
        } while (-2 * b < a * a);
        return negative ? a - ZigguratTables.NormalR : ZigguratTables.NormalR - a;
    }

    /// <summary>
    /// Student-t draw with <paramref name="degreesOfFreedom"/> (&gt; 0); variance ν/(ν−2) for ν &gt; 2. Even whole
    /// ν up to 30 use Z / √(χ²_ν/ν) with χ²_ν = 2·(sum of ν/2 exponentials), no logarithm at all; other ν use
    /// Bailey's (1994) polar method.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextStudentT(double degreesOfFreedom)
    {
        if (degreesOfFreedom <= 30 && degreesOfFreedom >= 2 && degreesOfFreedom == 2 * Math.Floor(degreesOfFreedom / 2))
        {
            var z = NextNormal();
            var halfNu = (int)(degreesOfFreedom / 2);
            double gamma = 0;
            for (var j = 0; j < halfNu; j++) gamma += NextExponential();
            return z / Math.Sqrt(gamma / halfNu); // χ²/ν = 2·Γ(ν/2)/ν = Γ/(ν/2)
        }
        return StudentTPolar(degreesOfFreedom);
    }

    /// <summary>Bailey's polar Student-t for any ν &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double StudentTPolar(double degreesOfFreedom)
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

    /// <summary>Exponential draw with mean 1, by the ziggurat method (256 layers; the tail is memoryless: R + Exp(1)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential()
    {
        var bits = NextUInt64();
        var i = (int)(bits & 0xFF);
        ref var x = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.ExponentialX); // 257 entries, i + 1 ≤ 256
        var candidate = (bits >> 11) * TwoPowMinus53 * Unsafe.Add(ref x, i);
        return candidate < Unsafe.Add(ref x, i + 1) ? candidate : ExponentialOutsideRectangle(i, candidate);
    }

    /// <summary>The exponential ziggurat's rare cases: wedge test, tail, further rounds.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double ExponentialOutsideRectangle(int i, double candidate)
    {
        var x = ZigguratTables.ExponentialX;
        var f = ZigguratTables.ExponentialF;
        while (true)
        {
            if (i == 0) return ZigguratTables.ExponentialR - PortableMath.Log(NextOpenDouble());
            if (f[i] + NextDouble() * (f[i + 1] - f[i]) < PortableMath.Exp(-candidate)) return candidate;
            var bits = NextUInt64();
            i = (int)(bits & 0xFF);
            candidate = (bits >> 11) * TwoPowMinus53 * x[i];
            if (candidate < x[i + 1]) return candidate;
        }
    }
}
