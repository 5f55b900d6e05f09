using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift PageHeader with the data (v1, v2) and dictionary page headers flattened into it.</summary>
internal sealed class PageHeader
{
    public PageType Type;
    public int UncompressedPageSize;
    public int CompressedPageSize;

    public bool HasDataPage;
    public bool HasDataPageV2;
    public bool HasDictionaryPage;

    // DataPageHeader (v1) / DataPageHeaderV2 / DictionaryPageHeader
    public int NumValues;
    public PageEncoding Encoding;
    public PageEncoding DefinitionLevelEncoding = PageEncoding.Rle;
    public int NumNulls;
    public int NumRows;
    public int DefinitionLevelsByteLength;
    public int RepetitionLevelsByteLength;
    public bool IsCompressed = true;
    public Statistics? Statistics;

    public static PageHeader Read(ref ThriftCompactReader r)
    {
        var h = new PageHeader();
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "PageHeader.type"); h.Type = (PageType)r.ReadI32(); seen |= 1; break;
                case 2: r.Expect(t, ThriftType.I32, "PageHeader.uncompressed_page_size"); h.UncompressedPageSize = r.ReadI32(); seen |= 2; break;
                case 3: r.Expect(t, ThriftType.I32, "PageHeader.compressed_page_size"); h.CompressedPageSize = r.ReadI32(); seen |= 4; break;
                case 5: r.Expect(t, ThriftType.Struct, "PageHeader.data_page_header"); h.ReadDataPage(ref r); h.HasDataPage = true; break;
                case 7: r.Expect(t, ThriftType.Struct, "PageHeader.dictionary_page_header"); h.ReadDictionaryPage(ref r); h.HasDictionaryPage = true; break;
                case 8: r.Expect(t, ThriftType.Struct, "PageHeader.data_page_header_v2"); h.ReadDataPageV2(ref r); h.HasDataPageV2 = true; break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 7) throw r.Corrupt("page header misses its type or sizes");
        if (h.UncompressedPageSize < 0 || h.CompressedPageSize < 0) throw r.Corrupt("negative page size");
        return h;
    }

    private void ReadDataPage(ref ThriftCompactReader r)
    {
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "DataPageHeader.num_values"); NumValues = r.ReadI32(); seen |= 1; break;
                case 2: r.Expect(t, ThriftType.I32, "DataPageHeader.encoding"); Encoding = (PageEncoding)r.ReadI32(); seen |= 2; break;
                case 3: r.Expect(t, ThriftType.I32, "DataPageHeader.definition_level_encoding"); DefinitionLevelEncoding = (PageEncoding)r.ReadI32(); break;
                case 5: r.Expect(t, ThriftType.Struct, "DataPageHeader.statistics"); Statistics = Statistics.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 3) throw r.Corrupt("data page header misses its value count or encoding");
        if (NumValues < 0) throw r.Corrupt("negative value count");
    }

    private void ReadDataPageV2(ref ThriftCompactReader r)
    {
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "DataPageHeaderV2.num_values"); NumValues = r.ReadI32(); seen |= 1; break;
                case 2: r.Expect(t, ThriftType.I32, "DataPageHeaderV2.num_nulls"); NumNulls = r.ReadI32(); seen |= 2; break;
                case 3: r.Expect(t, ThriftType.I32, "DataPageHeaderV2.num_rows"); NumRows = r.ReadI32(); seen |= 4; break;
                case 4: r.Expect(t, ThriftType.I32, "DataPageHeaderV2.encoding"); Encoding = (PageEncoding)r.ReadI32(); seen |= 8; break;
                case 5: r.Expect(t, ThriftType.I32, "DataPageHeaderV2.definition_levels_byte_length"); DefinitionLevelsByteLength = r.ReadI32(); seen |= 16; break;
                case 6: r.Expect(t, ThriftType.I32, "DataPageHeaderV2.repetition_levels_byte_length"); RepetitionLevelsByteLength = r.ReadI32(); seen |= 32; break;
                case 7: r.Expect(t, ThriftType.BooleanTrue, "DataPageHeaderV2.is_compressed"); IsCompressed = ThriftCompactReader.BoolFromType(t); break;
                case 8: r.Expect(t, ThriftType.Struct, "DataPageHeaderV2.statistics"); Statistics = Statistics.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 63) throw r.Corrupt("data page v2 header misses a required field");
        if (NumValues < 0 || NumNulls < 0 || NumNulls > NumValues || DefinitionLevelsByteLength < 0 || RepetitionLevelsByteLength < 0)
            throw r.Corrupt("inconsistent data page v2 counts or level lengths");
    }

    private void ReadDictionaryPage(ref ThriftCompactReader r)
    {
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "DictionaryPageHeader.num_values"); NumValues = r.ReadI32(); seen |= 1; break;
                case 2: r.Expect(t, ThriftType.I32, "DictionaryPageHeader.encoding"); Encoding = (PageEncoding)r.ReadI32(); seen |= 2; break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 3) throw r.Corrupt("dictionary page header misses its value count or encoding");
        if (NumValues < 0) throw r.Corrupt("negative dictionary size");
    }

    /// <summary>Writes a v1 data page header (PLAIN or RLE_DICTIONARY values, RLE levels).</summary>
    public static void WriteDataPage(ThriftCompactWriter w, int uncompressed, int compressed, int numValues, PageEncoding encoding)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)PageType.DataPage);
        w.FieldI32(2, uncompressed);
        w.FieldI32(3, compressed);
        w.FieldStructBegin(5);
        w.FieldI32(1, numValues);
        w.FieldI32(2, (int)encoding);
        w.FieldI32(3, (int)PageEncoding.Rle);
        w.FieldI32(4, (int)PageEncoding.Rle);
        w.EndStruct();
        w.EndStruct();
    }

    /// <summary>Writes a data page v2 header (levels uncompressed before the possibly compressed values).</summary>
    public static void WriteDataPageV2(ThriftCompactWriter w, int uncompressed, int compressed, int numValues, int numNulls, PageEncoding encoding, int levelBytes, bool isCompressed)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)PageType.DataPageV2);
        w.FieldI32(2, uncompressed);
        w.FieldI32(3, compressed);
        w.FieldStructBegin(8);
        w.FieldI32(1, numValues);
        w.FieldI32(2, numNulls);
        w.FieldI32(3, numValues);
        w.FieldI32(4, (int)encoding);
        w.FieldI32(5, levelBytes);
        w.FieldI32(6, 0);
        w.FieldBool(7, isCompressed);
        w.EndStruct();
        w.EndStruct();
    }

    /// <summary>Writes a dictionary page header (PLAIN-encoded entries).</summary>
    public static void WriteDictionaryPage(ThriftCompactWriter w, int uncompressed, int compressed, int numValues)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)PageType.DictionaryPage);
        w.FieldI32(2, uncompressed);
        w.FieldI32(3, compressed);
        w.FieldStructBegin(7);
        w.FieldI32(1, numValues);
        w.FieldI32(2, (int)PageEncoding.Plain);
        w.EndStruct();
        w.EndStruct();
    }
}
