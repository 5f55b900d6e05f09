using System.Buffers;

namespace Backtest.Core.Expressions.Evaluation;

/// <summary>
/// highest/lowest over the previous k bars, EXCLUDING the current one, in O(n) with a monotonic deque.
/// Excluding bar t is what makes `cross_above(close, highest(high, 20))` a breakout above the prior range.
/// The result is NaN for t &lt; k and whenever a NaN lies in the window (a gap never hides inside a max).
/// </summary>
internal static class RollingExtremum
{
    /// <summary>output[t] = max(x[t−k .. t−1]). The output may be the input buffer itself.</summary>
    public static void Highest(ReadOnlySpan<double> x, int k, Span<double> output) => Run<Greater>(x, k, output);

    /// <summary>output[t] = min(x[t−k .. t−1]). The output may be the input buffer itself.</summary>
    public static void Lowest(ReadOnlySpan<double> x, int k, Span<double> output) => Run<Less>(x, k, output);

    private interface IOrder
    {
        /// <summary>True when <paramref name="candidate"/> makes <paramref name="held"/> useless for every later window.</summary>
        static abstract bool Dominates(double candidate, double held);
    }

    private readonly struct Greater : IOrder
    {
        public static bool Dominates(double candidate, double held) => candidate >= held;
    }

    private readonly struct Less : IOrder
    {
        public static bool Dominates(double candidate, double held) => candidate <= held;
    }

    private static void Run<TOrder>(ReadOnlySpan<double> x, int k, Span<double> output) where TOrder : struct, IOrder
    {
        var n = output.Length;
        // The deque holds (index, value) pairs with values kept apart from x so output may overwrite x in place.
        var indexBuffer = ArrayPool<int>.Shared.Rent(n);
        var valueBuffer = ArrayPool<double>.Shared.Rent(n);
        var indices = indexBuffer.AsSpan(0, n);
        var values = valueBuffer.AsSpan(0, n);
        int head = 0, tail = 0;
        var lastNaN = -1;
        for (var t = 0; t < n; t++)
        {
            var xt = x[t];
            var result = double.NaN;
            if (t >= k)
            {
                var start = t - k;
                while (head < tail && indices[head] < start) head++;
                if (lastNaN < start && head < tail) result = values[head];
            }
            output[t] = result;
            if (double.IsNaN(xt))
            {
                // Every window containing t is NaN until t leaves it, and so has every older value: drop them all.
                head = tail = 0;
                lastNaN = t;
                continue;
            }
            while (head < tail && TOrder.Dominates(xt, values[tail - 1])) tail--;
            indices[tail] = t;
            values[tail] = xt;
            tail++;
        }
        ArrayPool<int>.Shared.Return(indexBuffer);
        ArrayPool<double>.Shared.Return(valueBuffer);
    }
}
