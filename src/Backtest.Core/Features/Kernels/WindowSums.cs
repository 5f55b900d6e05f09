namespace Backtest.Core.Features.Kernels;

/// <summary>
/// Exact rolling sums by the van Herk / Gil-Werman block scheme: the series is cut into blocks of the window
/// length, and the window ending at t is (suffix of the previous block) + (prefix of t's block). Nothing is ever
/// subtracted, so a large value leaving the window cannot leave cancellation error behind (a running
/// add-and-subtract sum can), and a NaN spoils exactly the windows that hold it.
/// </summary>
internal static class WindowSums
{
    /// <summary>
    /// y[t] = Σ x[t−w+1..t] for t ≥ w−1, NaN before. NaN in the window gives NaN. Point-in-time: y[t] reads x[..t],
    /// and since blocks are aligned at index 0 the value is bit-identical when later bars are dropped.
    /// </summary>
    public static void Sum(ReadOnlySpan<double> x, int window, Span<double> y)
    {
        CheckShapes(x.Length, y.Length, window);
        CheckNoOverlap(x, y);
        var n = x.Length;
        var warm = Math.Min(window - 1, n);
        y[..warm].Fill(double.NaN);
        if (n < window) return;

        var pooled = window <= 512 ? null : System.Buffers.ArrayPool<double>.Shared.Rent(window);
        try
        {
            Scan(x, window, y, pooled is null ? stackalloc double[window] : pooled.AsSpan(0, window));
        }
        finally
        {
            if (pooled is not null) System.Buffers.ArrayPool<double>.Shared.Return(pooled);
        }
    }

    private static void Scan(ReadOnlySpan<double> x, int window, Span<double> y, Span<double> suffix)
    {
        var n = x.Length;
        // Block 0: only the last position closes a full window.
        double prefix = 0;
        for (var p = 0; p < window; p++) prefix += x[p];
        y[window - 1] = prefix;

        for (var blockStart = window; blockStart < n; blockStart += window)
        {
            // Suffix sums of the previous block: suffix[j] = Σ x[blockStart − window + j .. blockStart − 1].
            var previous = blockStart - window;
            double s = 0;
            for (var j = window - 1; j >= 1; j--)
            {
                s += x[previous + j];
                suffix[j] = s;
            }
            var length = Math.Min(window, n - blockStart);
            var block = x.Slice(blockStart, length);
            var output = y.Slice(blockStart, length);
            prefix = 0;
            var last = Math.Min(length, window - 1);
            for (var p = 0; p < last; p++)
            {
                prefix += block[p];
                output[p] = suffix[p + 1] + prefix;
            }
            if (length == window)
            {
                prefix += block[window - 1];
                output[window - 1] = prefix;
            }
        }
    }

    /// <summary>Block kernels read earlier input after writing earlier output, so the two must not share memory.</summary>
    internal static void CheckNoOverlap(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Overlaps(y))
            throw new ArgumentException("the output span overlaps the input span: rolling kernels need a separate output buffer", nameof(y));
    }

    /// <summary>Argument checks shared by the rolling kernels, with the numbers in the message.</summary>
    internal static void CheckShapes(int inputLength, int outputLength, int window, int minimumWindow = 1)
    {
        if (window < minimumWindow)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"window must be at least {minimumWindow}");
        if (outputLength != inputLength)
            throw new ArgumentException($"output has {outputLength} elements but the input has {inputLength}: they must match", nameof(outputLength));
    }
}
