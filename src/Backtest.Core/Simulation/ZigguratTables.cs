namespace Backtest.Core.Simulation;

/// <summary>
/// Layer tables of the ziggurat samplers (Marsaglia &amp; Tsang 2000, in Doornik's 2005 "ZIGNOR" layout:
/// layer i spans [0, X[i]) and the next layer's edge X[i+1] decides the fast accept). Built once with
/// <see cref="PortableMath"/>, so they are the same bits everywhere; read-only after construction.
/// </summary>
internal static class ZigguratTables
{
    /// <summary>Normal: 128 layers under exp(−x²/2); R = start of the tail, V = area of each layer.</summary>
    public const double NormalR = 3.442619855899;
    private const double NormalV = 9.91256303526217e-3;

    /// <summary>Exponential: 256 layers under exp(−x).</summary>
    public const double ExponentialR = 7.69711747013104972;
    private const double ExponentialV = 3.9496598225815571993e-3;

    /// <summary>Normal layer edges X[0..128] (X[0] = V / f(R) is the base layer's width, X[128] = 0).</summary>
    public static readonly double[] NormalX = Build(128, NormalR, NormalV, x => PortableMath.Exp(-0.5 * x * x), y => Math.Sqrt(-2 * PortableMath.Log(y)));

    /// <summary>exp(−X[i]²/2) for each normal edge.</summary>
    public static readonly double[] NormalF = Heights(NormalX, x => PortableMath.Exp(-0.5 * x * x));

    /// <summary>Exponential layer edges X[0..256].</summary>
    public static readonly double[] ExponentialX = Build(256, ExponentialR, ExponentialV, x => PortableMath.Exp(-x), y => -PortableMath.Log(y));

    /// <summary>exp(−X[i]) for each exponential edge.</summary>
    public static readonly double[] ExponentialF = Heights(ExponentialX, x => PortableMath.Exp(-x));

    private static double[] Build(int layers, double r, double v, Func<double, double> f, Func<double, double> inverse)
    {
        var x = new double[layers + 1];
        x[0] = v / f(r);
        x[1] = r;
        for (var i = 2; i < layers; i++) x[i] = inverse(v / x[i - 1] + f(x[i - 1]));
        x[layers] = 0;
        return x;
    }

    private static double[] Heights(double[] x, Func<double, double> f)
    {
        var h = new double[x.Length];
        for (var i = 0; i < x.Length; i++) h[i] = f(x[i]);
        return h;
    }
}
