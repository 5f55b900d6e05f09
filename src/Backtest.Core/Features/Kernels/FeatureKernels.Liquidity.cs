namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>
    /// Amihud illiquidity (STATISTICS.md §6): the mean, over the bars of the last <paramref name="window"/> that
    /// traded (quote volume &gt; 0), of |r| / quote volume, times <paramref name="scale"/> (1 gives "per unit of
    /// quote currency"; 1e6 "per million"). Bars with zero quote volume (filled bars) are left out of both sum and
    /// count; NaN when no bar in the window traded, and until the window holds only defined values (a NaN return,
    /// a NaN or negative quote volume).
    /// </summary>
    public static void Amihud(ReadOnlySpan<double> returns, ReadOnlySpan<double> quoteVolume, int window, double scale, Span<double> y)
    {
        WindowSums.CheckShapes(returns.Length, y.Length, window);
        CheckLength(quoteVolume.Length, y.Length, "quote volume");
        var n = y.Length;
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(3 * n);
        try
        {
            var ratio = buffer.AsSpan(0, n);
            var traded = buffer.AsSpan(n, n);
            var tradedInWindow = buffer.AsSpan(2 * n, n);
            for (var t = 0; t < n; t++)
            {
                double r = returns[t], q = quoteVolume[t];
                if (double.IsNaN(r) || !(q >= 0))
                {
                    ratio[t] = double.NaN;
                    traded[t] = double.NaN;
                }
                else if (q > 0)
                {
                    ratio[t] = Math.Abs(r) / q;
                    traded[t] = 1;
                }
                else
                {
                    ratio[t] = 0;
                    traded[t] = 0;
                }
            }
            WindowSums.Sum(ratio, window, y);
            WindowSums.Sum(traded, window, tradedInWindow);
            for (var t = window - 1; t < n; t++)
                y[t] = tradedInWindow[t] > 0 ? scale * y[t] / tradedInWindow[t] : double.NaN;
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
