namespace Backtest.Core.Expressions.Evaluation;

/// <summary>The time-shifting kernels: lag and crossings. Each reads only bars ≤ t for output t.</summary>
internal static class SeriesKernel
{
    /// <summary>output[t] = x[t − k], NaN for t &lt; k. The output may be the input buffer itself.</summary>
    public static void Lag(ReadOnlySpan<double> x, int k, Span<double> output)
    {
        var n = output.Length;
        if (k >= n)
        {
            output.Fill(double.NaN);
            return;
        }
        // Copy before filling: when output aliases x, the fill would destroy x[0..k) still to be copied.
        x[..(n - k)].CopyTo(output[k..]);
        output[..k].Fill(double.NaN);
    }

    /// <summary>output[t] = a[t] &gt; b[t] and a[t−1] ≤ b[t−1]; false at t = 0 and wherever a NaN is involved.</summary>
    public static void CrossAbove(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<bool> output)
    {
        var previousAtOrBelow = false;
        for (var t = 0; t < output.Length; t++)
        {
            var x = a[t];
            var y = b[t];
            output[t] = previousAtOrBelow & x > y;
            previousAtOrBelow = x <= y;
        }
    }

    /// <summary>output[t] = a[t] &lt; b[t] and a[t−1] ≥ b[t−1]; false at t = 0 and wherever a NaN is involved.</summary>
    public static void CrossBelow(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<bool> output)
    {
        var previousAtOrAbove = false;
        for (var t = 0; t < output.Length; t++)
        {
            var x = a[t];
            var y = b[t];
            output[t] = previousAtOrAbove & x < y;
            previousAtOrAbove = x >= y;
        }
    }
}
