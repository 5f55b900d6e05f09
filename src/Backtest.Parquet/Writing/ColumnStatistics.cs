using System.Buffers.Binary;
using System.Text;
using Backtest.Parquet.Format;

namespace Backtest.Parquet.Writing;

/// <summary>
/// Column chunk statistics as Parquet defines them: min and max over non-null values (NaN excluded, zero
/// bounds written as -0.0 / +0.0), plain-encoded, and the null count.
/// </summary>
internal static class ColumnStatistics
{
    public static Statistics Int32(ReadOnlySpan<int> v, bool[]? nulls, int start)
    {
        int min = int.MaxValue, max = int.MinValue;
        var any = false;
        for (var i = 0; i < v.Length; i++)
        {
            if (nulls is not null && nulls[start + i]) continue;
            any = true;
            if (v[i] < min) min = v[i];
            if (v[i] > max) max = v[i];
        }
        var s = new Statistics { NullCount = NullCount(nulls, start, v.Length) };
        if (any)
        {
            s.MinValue = new byte[4];
            s.MaxValue = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(s.MinValue, min);
            BinaryPrimitives.WriteInt32LittleEndian(s.MaxValue, max);
        }
        return s;
    }

    public static Statistics Int64(ReadOnlySpan<long> v, bool[]? nulls, int start)
    {
        long min = long.MaxValue, max = long.MinValue;
        var any = false;
        if (nulls is null)
        {
            any = v.Length > 0;
            foreach (var x in v)
            {
                if (x < min) min = x;
                if (x > max) max = x;
            }
        }
        else
        {
            for (var i = 0; i < v.Length; i++)
            {
                if (nulls[start + i]) continue;
                any = true;
                if (v[i] < min) min = v[i];
                if (v[i] > max) max = v[i];
            }
        }
        var s = new Statistics { NullCount = NullCount(nulls, start, v.Length) };
        if (any)
        {
            s.MinValue = new byte[8];
            s.MaxValue = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(s.MinValue, min);
            BinaryPrimitives.WriteInt64LittleEndian(s.MaxValue, max);
        }
        return s;
    }

    public static Statistics Double(ReadOnlySpan<double> v, bool[]? nulls, int start)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var any = false;
        for (var i = 0; i < v.Length; i++)
        {
            var x = v[i];
            if (double.IsNaN(x) || (nulls is not null && nulls[start + i])) continue;
            any = true;
            if (x < min) min = x;
            if (x > max) max = x;
        }
        var s = new Statistics { NullCount = NullCount(nulls, start, v.Length) };
        if (any)
        {
            if (min == 0) min = -0.0;
            if (max == 0) max = 0.0;
            s.MinValue = new byte[8];
            s.MaxValue = new byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(s.MinValue, min);
            BinaryPrimitives.WriteDoubleLittleEndian(s.MaxValue, max);
        }
        return s;
    }

    public static Statistics Float(ReadOnlySpan<float> v, bool[]? nulls, int start)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        var any = false;
        for (var i = 0; i < v.Length; i++)
        {
            var x = v[i];
            if (float.IsNaN(x) || (nulls is not null && nulls[start + i])) continue;
            any = true;
            if (x < min) min = x;
            if (x > max) max = x;
        }
        var s = new Statistics { NullCount = NullCount(nulls, start, v.Length) };
        if (any)
        {
            if (min == 0) min = -0.0f;
            if (max == 0) max = 0.0f;
            s.MinValue = new byte[4];
            s.MaxValue = new byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(s.MinValue, min);
            BinaryPrimitives.WriteSingleLittleEndian(s.MaxValue, max);
        }
        return s;
    }

    public static Statistics Boolean(ReadOnlySpan<bool> v, bool[]? nulls, int start)
    {
        bool seenFalse = false, seenTrue = false;
        for (var i = 0; i < v.Length; i++)
        {
            if (nulls is not null && nulls[start + i]) continue;
            if (v[i]) seenTrue = true; else seenFalse = true;
        }
        var s = new Statistics { NullCount = NullCount(nulls, start, v.Length) };
        if (seenFalse || seenTrue)
        {
            s.MinValue = [seenFalse ? (byte)0 : (byte)1];
            s.MaxValue = [seenTrue ? (byte)1 : (byte)0];
        }
        return s;
    }

    /// <summary>Statistics of strings given the distinct non-null values (or all of them) and the null count.</summary>
    public static Statistics Strings(IEnumerable<string> values, long nullCount)
    {
        string? min = null, max = null;
        foreach (var x in values)
        {
            if (min is null || Utf8Order.Compare(x, min) < 0) min = x;
            if (max is null || Utf8Order.Compare(x, max) > 0) max = x;
        }
        var s = new Statistics { NullCount = nullCount };
        if (min is not null)
        {
            s.MinValue = StrictUtf8.Encoding.GetBytes(min);
            s.MaxValue = StrictUtf8.Encoding.GetBytes(max!);
        }
        return s;
    }

    private static long NullCount(bool[]? nulls, int start, int count)
    {
        if (nulls is null) return 0;
        return count - nulls.AsSpan(start, count).Count(false);
    }
}
