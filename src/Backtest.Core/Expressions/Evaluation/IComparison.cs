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
