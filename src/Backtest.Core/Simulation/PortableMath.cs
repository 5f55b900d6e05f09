using System.Runtime.CompilerServices;

namespace Backtest.Core.Simulation;

/// <summary>
/// Exp and log written with IEEE-754 basic operations only (ports of fdlibm's e_exp.c and e_log.c), so the
/// simulator gives the same bits on every OS, CPU and .NET version: <see cref="Math.Exp"/> and
/// <see cref="Math.Log"/> call the platform C library, whose last bit differs between glibc, MSVC and Apple,
/// and a golden certification run compares simulated data byte for byte. Accuracy is below one ulp.
/// </summary>
public static class PortableMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Two54 = 1.80143985094819840000e+16;
    private const double TwoM1000 = 9.33263618503218878990e-302;
    private const double ExpOverflow = 7.09782712893383973096e+02;
    private const double ExpUnderflow = -7.45133219101941108420e+02;

    private const double P1 = 1.66666666666666019037e-01;
    private const double P2 = -2.77777777770155933842e-03;
    private const double P3 = 6.61375632143793436117e-05;
    private const double P4 = -1.65339022054652515390e-06;
    private const double P5 = 4.13813679705723846039e-08;

    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;

    /// <summary>e^x, bit-identical on every platform.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > ExpOverflow) return double.PositiveInfinity;
        if (x < ExpUnderflow) return 0.0;
        var ax = Math.Abs(x);
        if (ax < 3.7252902984e-09) return 1.0 + x; // |x| < 2^-28: exp(x) rounds to 1 + x

        int k;
        double hi, lo;
        if (ax > 0.5 * 0.6931471805599453)
        {
            // k = nearest integer to x / ln2; hi - lo = x - k ln2 exactly representable in two parts.
            k = (int)(InvLn2 * x + (x < 0 ? -0.5 : 0.5));
            double t = k;
            hi = x - t * Ln2Hi;
            lo = t * Ln2Lo;
            x = hi - lo;
        }
        else
        {
            k = 0;
            hi = 0;
            lo = 0;
        }

        var tt = x * x;
        var c = x - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
        if (k == 0) return 1.0 - (x * c / (c - 2.0) - x);
        var y = 1.0 - (lo - x * c / (2.0 - c) - hi);
        if (k >= -1021) return ScaleByPowerOfTwo(y, k);
        return ScaleByPowerOfTwo(y, k + 1000) * TwoM1000;
    }

    /// <summary>Natural logarithm, bit-identical on every platform; NaN below zero, -∞ at zero.</summary>
    public static double Log(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var hx = (int)(bits >> 32);
        var lx = (uint)bits;
        var k = 0;
        if (hx < 0x00100000)
        {
            if (((hx & 0x7fffffff) | (int)lx) == 0) return double.NegativeInfinity;
            if (hx < 0) return double.NaN;
            k -= 54;
            x *= Two54; // subnormal: scale up
            bits = BitConverter.DoubleToInt64Bits(x);
            hx = (int)(bits >> 32);
        }
        if (hx >= 0x7ff00000) return x + x;
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        var i = (hx + 0x95f64) & 0x100000;
        // normalise x to [sqrt(2)/2, sqrt(2)) by setting its exponent to 0 or -1
        bits = ((long)(hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL);
        x = BitConverter.Int64BitsToDouble(bits);
        k += i >> 20;
        var f = x - 1.0;
        double dk;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            // |f| < 2^-20
            if (f == 0.0)
            {
                if (k == 0) return 0.0;
                dk = k;
                return dk * Ln2Hi + dk * Ln2Lo;
            }
            var r0 = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) return f - r0;
            dk = k;
            return dk * Ln2Hi - ((r0 - dk * Ln2Lo) - f);
        }
        var s = f / (2.0 + f);
        dk = k;
        var z = s * s;
        var ii = hx - 0x6147a;
        var w = z * z;
        var j = 0x6b851 - hx;
        var t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        var t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        ii |= j;
        var r = t2 + t1;
        if (ii > 0)
        {
            var hfsq = 0.5 * f * f;
            if (k == 0) return f - (hfsq - s * (hfsq + r));
            return dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
        }
        if (k == 0) return f - s * (f - r);
        return dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
    }

    /// <summary>x^y for x &gt; 0 as exp(y·log x): portable, accurate to a few ulp (enough for model constants).</summary>
    public static double Pow(double x, double y) => Exp(y * Log(x));

    /// <summary>
    /// e^x for the small moves of one bar: a degree-7 Taylor polynomial when |x| &lt; 1/32 (truncation below
    /// 1.3e-16 relative, no division or branch on the fast path), <see cref="Exp"/> otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExpNearZero(double x)
    {
        if (Math.Abs(x) >= 0.03125) return Exp(x);
        return 1 + x * (1 + x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x * (1.0 / 5040)))))));
    }

    /// <summary>y·2^k by adding k to the exponent field; y must be normal and the result in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScaleByPowerOfTwo(double y, int k) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) + ((long)k << 52));
}
