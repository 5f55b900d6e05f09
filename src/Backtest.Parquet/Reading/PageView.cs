using Backtest.Parquet.Format;

namespace Backtest.Parquet.Reading;

/// <summary>One decompressed page as the typed decoders see it: encoding, value bytes and (for nullable columns) levels.</summary>
internal readonly ref struct PageView
{
    public PageView(bool isDictionary, PageEncoding encoding, int numValues, int nonNull, ReadOnlySpan<byte> values, ReadOnlySpan<int> levels)
    {
        IsDictionary = isDictionary;
        Encoding = encoding;
        NumValues = numValues;
        NonNull = nonNull;
        Values = values;
        Levels = levels;
    }

    public bool IsDictionary { get; }
    public PageEncoding Encoding { get; }
    /// <summary>Rows in the page (nulls included), or entries in a dictionary page.</summary>
    public int NumValues { get; }
    /// <summary>Values actually encoded in <see cref="Values"/>.</summary>
    public int NonNull { get; }
    public ReadOnlySpan<byte> Values { get; }
    /// <summary>Definition levels (0 null, 1 present); empty for REQUIRED columns.</summary>
    public ReadOnlySpan<int> Levels { get; }
}
