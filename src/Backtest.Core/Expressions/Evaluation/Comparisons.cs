using System.Runtime.Intrinsics;

namespace Backtest.Core.Expressions.Evaluation;

/// <summary>The six comparison operators as <see cref="IComparison"/> types, for the JIT to specialise kernels on.</summary>
internal static class Comparisons
{
    public readonly struct Less : IComparison
    {
        public static bool Test(double a, double b) => a < b;
        public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    }

    public readonly struct LessOrEqual : IComparison
    {
        public static bool Test(double a, double b) => a <= b;
        public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
    }

    public readonly struct Greater : IComparison
    {
        public static bool Test(double a, double b) => a > b;
        public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    }

    public readonly struct GreaterOrEqual : IComparison
    {
        public static bool Test(double a, double b) => a >= b;
        public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
    }

    public readonly struct Equal : IComparison
    {
        public static bool Test(double a, double b) => a == b;
        public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    }

    /// <summary>IEEE `a != b` is true for NaN; the language wants false, so != is "less or greater".</summary>
    public readonly struct NotEqual : IComparison
    {
        public static bool Test(double a, double b) => a < b || a > b;
        public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b) | Vector256.GreaterThan(a, b);
    }
}
