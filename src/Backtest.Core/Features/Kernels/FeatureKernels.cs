namespace Backtest.Core.Features.Kernels;

/// <summary>
/// The numeric kernels behind the feature operators, as static span functions over whole columns: no allocation
/// per row, no LINQ, output written into a caller-provided span of the input's length. Every kernel is
/// point-in-time (y[t] reads inputs at indices ≤ t only) and marks undefined values with NaN, never 0.
/// <para>
/// NaN rule for windowed kernels: y[t] is NaN until the window ending at t holds only defined values. NaN rule for
/// recursive kernels (EMA, RSI, ATR): y[t] is TA-Lib's value computed on the run of consecutive defined inputs that
/// ends at t, so leading NaN warm-ups of an input feature are skipped and a NaN inside the series restarts the
/// warm-up; on a NaN-free series this is exactly TA-Lib's output.
/// </para>
/// </summary>
public static partial class FeatureKernels
{
    private static void CheckLength(int inputLength, int outputLength, string input = "x")
    {
        if (inputLength != outputLength)
            throw new ArgumentException($"output has {outputLength} elements but input '{input}' has {inputLength}: they must match");
    }

    private static void CheckPeriod(int period, int minimum, string name = "period")
    {
        if (period < minimum) throw new ArgumentOutOfRangeException(name, period, $"{name} must be at least {minimum}");
    }
}
