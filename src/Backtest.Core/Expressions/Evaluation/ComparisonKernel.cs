using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Backtest.Core.Expressions.Evaluation;

/// <summary>
/// Compares two columns (or a column and a constant) into a bool column, four bars per AVX step: the lane
/// mask's sign bits index a table of four packed 0/1 bytes, written as one uint.
/// </summary>
internal static class ComparisonKernel
{
    /// <summary>Entry i holds bytes (bit0, bit1, bit2, bit3) of i, little-endian: the bools of a 4-lane mask.</summary>
    private static readonly uint[] PackedBools = BuildTable();

    /// <summary>dst[t] = a[t] op b[t].</summary>
    public static void Compare<TOp>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<bool> dst) where TOp : struct, IComparison
    {
        var n = dst.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var packed = MemoryMarshal.Cast<bool, uint>(dst);
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            for (; i <= n - 4; i += 4)
            {
                var mask = TOp.Test(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i));
                packed[i >> 2] = PackedBools[mask.ExtractMostSignificantBits()];
            }
        }
        for (; i < n; i++) dst[i] = TOp.Test(a[i], b[i]);
    }

    /// <summary>dst[t] = a[t] op b.</summary>
    public static void Compare<TOp>(ReadOnlySpan<double> a, double b, Span<bool> dst) where TOp : struct, IComparison
    {
        var n = dst.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var packed = MemoryMarshal.Cast<bool, uint>(dst);
            ref var ra = ref MemoryMarshal.GetReference(a);
            var vb = Vector256.Create(b);
            for (; i <= n - 4; i += 4)
            {
                var mask = TOp.Test(Vector256.LoadUnsafe(ref ra, (nuint)i), vb);
                packed[i >> 2] = PackedBools[mask.ExtractMostSignificantBits()];
            }
        }
        for (; i < n; i++) dst[i] = TOp.Test(a[i], b);
    }

    /// <summary>dst[t] = a op b[t].</summary>
    public static void Compare<TOp>(double a, ReadOnlySpan<double> b, Span<bool> dst) where TOp : struct, IComparison
    {
        var n = dst.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            var packed = MemoryMarshal.Cast<bool, uint>(dst);
            ref var rb = ref MemoryMarshal.GetReference(b);
            var va = Vector256.Create(a);
            for (; i <= n - 4; i += 4)
            {
                var mask = TOp.Test(va, Vector256.LoadUnsafe(ref rb, (nuint)i));
                packed[i >> 2] = PackedBools[mask.ExtractMostSignificantBits()];
            }
        }
        for (; i < n; i++) dst[i] = TOp.Test(a, b[i]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint[] BuildTable()
    {
        var table = new uint[16];
        for (var bits = 0; bits < 16; bits++)
        {
            uint v = 0;
            for (var lane = 0; lane < 4; lane++)
                if ((bits >> lane & 1) != 0) v |= 1u << (8 * lane);
            table[bits] = BitConverter.IsLittleEndian ? v : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
        }
        return table;
    }
}
