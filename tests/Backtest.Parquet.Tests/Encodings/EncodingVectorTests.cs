using Backtest.Testing;
using System.Buffers;
using Backtest.Parquet.Encodings;
using Backtest.Parquet.Tests.Support;

namespace Backtest.Parquet.Tests.Encodings;

/// <summary>The level, dictionary-index and delta encodings against the examples in the Parquet encodings description.</summary>
public sealed class EncodingVectorTests
{
    [Fact]
    public void Bit_packed_run_of_0_to_7_at_3_bits_matches_the_spec_example()
    {
        // Encodings.md: values 0..7 at bit width 3 pack to 10001000 11000110 11111010.
        byte[] data = [0x03, 0b10001000, 0b11000110, 0b11111010];
        var values = new int[8];
        Assert.Equal(4, RleBitPackedHybrid.Decode(data, 3, values));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void Rle_run_repeats_its_value_and_mixed_runs_concatenate()
    {
        // 12 × value 5 (RLE, one value byte), then one bit-packed group 1,0,1,0,1,0,1,0 at width 3.
        byte[] data = [12 << 1, 5, 0x03, 0b01_000_001, 0b0_001_000_0, 0b000_001_00];
        var values = new int[20];
        RleBitPackedHybrid.Decode(data, 3, values);
        Assert.Equal([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 0, 1, 0, 1, 0, 1, 0], values);
    }

    [Fact]
    public void Decoding_past_the_data_is_an_error_not_zeros()
    {
        var ex = Assert.Throws<PageDataException>(() => RleBitPackedHybrid.Decode([4 << 1, 1], 1, new int[5]));
        Assert.Equal("RLE/bit-packed data ends inside a run header", ex.Message);
        Assert.Throws<PageDataException>(() => RleBitPackedHybrid.Decode([0x03, 0xFF], 3, new int[8]));
        Assert.Throws<PageDataException>(() => RleBitPackedHybrid.Decode([2 << 1, 9], 3, new int[2])); // 9 does not fit 3 bits
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(1, 7)]
    [InlineData(3, 5000)]
    [InlineData(8, 4096)]
    [InlineData(17, 999)]
    [InlineData(32, 300)]
    public void Encoder_output_decodes_to_the_input(int width, int count)
    {
        var rng = new TestRandom((ulong)(width * 100_000 + count));
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            // Mix long runs (RLE) with noise (bit-packed).
            var v = (int)(rng.Next() & (width == 32 ? uint.MaxValue : (1u << width) - 1));
            values[i] = (i / 50) % 2 == 0 ? values[Math.Max(0, i - 1)] : v;
        }
        var output = new ArrayBufferWriter<byte>();
        RleBitPackedHybrid.Encode(values, width, output);
        var back = new int[count];
        Assert.Equal(output.WrittenCount, RleBitPackedHybrid.Decode(output.WrittenSpan, width, back));
        Assert.Equal(values, back);
    }

    [Fact]
    public void Delta_binary_packed_spec_example_1_to_5_uses_zero_width_miniblocks()
    {
        // block 128, 4 miniblocks, 5 values, first 1; min delta 1; all widths 0 (no miniblock bodies).
        byte[] data = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0];
        var values = new long[5];
        Assert.Equal(data.Length, DeltaBinaryPacked.Decode(data, values));
        Assert.Equal([1L, 2, 3, 4, 5], values);
    }

    [Fact]
    public void Delta_binary_packed_spec_example_7_5_3_1_2_3_4_5()
    {
        // Deltas -2,-2,-2,1,1,1,1: min delta -2, relative 0,0,0,3,3,3,3 at 2 bits in a 32-value miniblock.
        byte[] data = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0xFF, 0, 0, 0, 0, 0, 0];
        var values = new long[8];
        Assert.Equal(data.Length, DeltaBinaryPacked.Decode(data, values));
        Assert.Equal([7L, 5, 3, 1, 2, 3, 4, 5], values);
    }

    [Fact]
    public void Delta_binary_packed_rejects_impossible_headers()
    {
        Assert.Throws<PageDataException>(() => DeltaBinaryPacked.Decode([0x81, 0x01, 0x04, 0x05, 0x02], new long[5])); // block 129
        Assert.Throws<PageDataException>(() => DeltaBinaryPacked.Decode([0x80, 0x01, 0x03, 0x05, 0x02], new long[5])); // 128/3
        Assert.Throws<PageDataException>(() => DeltaBinaryPacked.Decode([0x80, 0x01, 0x04, 0x02, 0x02], new long[5])); // holds 2, 5 needed
        Assert.Throws<PageDataException>(() => DeltaBinaryPacked.Decode([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 65, 0, 0, 0], new long[5])); // width 65
    }
}
