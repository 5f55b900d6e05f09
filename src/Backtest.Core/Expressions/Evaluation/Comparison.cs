using System.Runtime.Intrinsics;

namespace Backtest.Core.Expressions.Evaluation;

/// <summary>
/// One comparison operator as a type, so <see cref="ComparisonKernel"/> is specialised per operator by the
/// JIT (no delegate call per bar). Every implementation is false when either side is NaN, `!=` included.
/// </summary>
internal interface IComparison
{
    static abstract bool Test(double a, double b);

    /// <summary>All-ones lanes where <see cref="Test(double, double)"/> holds.</summary>
    static abstract Vector256<double> Test(Vector256<double> a, Vector256<double> b);
}

internal readonly struct LessComparison : IComparison
{
    public static bool Test(double a, double b) => a < b;
    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
}

internal readonly struct LessOrEqualComparison : IComparison
{
    public static bool Test(double a, double b) => a <= b;
    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
}

internal readonly struct GreaterComparison : IComparison
{
    public static bool Test(double a, double b) => a > b;
    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
}

internal readonly struct GreaterOrEqualComparison : IComparison
{
    public static bool Test(double a, double b) => a >= b;
    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
}

internal readonly struct EqualComparison : IComparison
{
    public static bool Test(double a, double b) => a == b;
    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
}

/// <summary>IEEE `a != b` is true for NaN; the language wants false, so != is "less or greater".</summary>
internal readonly struct NotEqualComparison : IComparison
{
    public static bool Test(double a, double b) => a < b || a > b;
    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b) | Vector256.GreaterThan(a, b);
}
