using System.Runtime.CompilerServices;
using Backtest.Parquet.Encodings;

namespace Backtest.Parquet.Compression;

/// <summary>
/// The Snappy block format (no framing), as Parquet uses it: a varint of the uncompressed length, then
/// literals and back-references. No Snappy package is reachable here, so the codec is our own; the
/// compressor finds 4-byte matches through a hash table over 64 KiB fragments (so every offset fits two bytes),
/// and the decompressor checks every length and offset against both buffers.
/// </summary>
internal static unsafe class Snappy
{
    private const int FragmentSize = 1 << 16;
    private const int HashBits = 14;
    private const int InputMarginBytes = 15;

    /// <summary>The worst-case compressed size of <paramref name="length"/> bytes.</summary>
    public static int MaxCompressedLength(int length) => checked(32 + length + length / 6);

    /// <summary>Compresses <paramref name="src"/> into <paramref name="dst"/> (at least <see cref="MaxCompressedLength"/>); returns the bytes written.</summary>
    public static int Compress(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        if (dst.Length < MaxCompressedLength(src.Length)) throw new ArgumentException("destination too small for Snappy output");
        Span<ushort> table = stackalloc ushort[1 << HashBits];
        fixed (byte* s = src)
        fixed (byte* d = dst)
        fixed (ushort* t = table)
        {
            var op = d;
            var n = (uint)src.Length;
            while (n >= 0x80)
            {
                *op++ = (byte)(n | 0x80);
                n >>= 7;
            }
            *op++ = (byte)n;
            for (var start = 0; start < src.Length; start += FragmentSize)
            {
                var length = Math.Min(FragmentSize, src.Length - start);
                op = CompressFragment(s + start, length, op, t, s + src.Length, d + dst.Length);
            }
            return (int)(op - d);
        }
    }

    private static byte* CompressFragment(byte* input, int length, byte* op, ushort* table, byte* inputEnd, byte* outputEnd)
    {
        var end = input + length;
        var nextEmit = input;
        if (length >= InputMarginBytes)
        {
            new Span<ushort>(table, 1 << HashBits).Clear();
            var limit = end - InputMarginBytes;
            var ip = input + 1;
            while (true)
            {
                // Look for a 4-byte match, stepping faster the longer nothing matches (incompressible data).
                var skip = 32;
                byte* candidate;
                while (true)
                {
                    if (ip > limit) goto emitRemainder;
                    var word = Unsafe.ReadUnaligned<uint>(ip);
                    var h = Hash(word);
                    candidate = input + table[h];
                    table[h] = (ushort)(ip - input);
                    if (candidate < ip && Unsafe.ReadUnaligned<uint>(candidate) == word) break;
                    ip += skip++ >> 5;
                }
                var literalLength = (int)(ip - nextEmit);
                if (literalLength <= 16 && nextEmit + 16 <= inputEnd && outputEnd - op >= 17)
                {
                    // Short literal: tag byte plus one 16-byte block copy (bytes past the literal are overwritten next).
                    *op = (byte)((literalLength - 1) << 2);
                    Unsafe.WriteUnaligned(op + 1, Unsafe.ReadUnaligned<System.Runtime.Intrinsics.Vector128<byte>>(nextEmit));
                    op += 1 + literalLength;
                }
                else
                {
                    op = EmitLiteral(op, nextEmit, literalLength);
                }
                // Extend the match and emit copies until the next position does not match again.
                while (true)
                {
                    var matched = 4 + MatchLength(candidate + 4, ip + 4, end);
                    var offset = (int)(ip - candidate);
                    op = EmitCopy(op, offset, matched);
                    ip += matched;
                    nextEmit = ip;
                    if (ip > limit) goto emitRemainder;
                    table[Hash(Unsafe.ReadUnaligned<uint>(ip - 1))] = (ushort)(ip - 1 - input);
                    var word = Unsafe.ReadUnaligned<uint>(ip);
                    var h = Hash(word);
                    candidate = input + table[h];
                    table[h] = (ushort)(ip - input);
                    if (candidate >= ip || Unsafe.ReadUnaligned<uint>(candidate) != word) break;
                }
                ip++;
            }
        }
        emitRemainder:
        if (nextEmit < end) op = EmitLiteral(op, nextEmit, (int)(end - nextEmit));
        return op;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(uint word) => (word * 0x1E35A7BDu) >> (32 - HashBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MatchLength(byte* a, byte* b, byte* end)
    {
        var start = b;
        while (b + 8 <= end)
        {
            var x = Unsafe.ReadUnaligned<ulong>(a) ^ Unsafe.ReadUnaligned<ulong>(b);
            if (x != 0) return (int)(b - start) + (System.Numerics.BitOperations.TrailingZeroCount(x) >> 3);
            a += 8;
            b += 8;
        }
        while (b < end && *a == *b)
        {
            a++;
            b++;
        }
        return (int)(b - start);
    }

    private static byte* EmitLiteral(byte* op, byte* literal, int length)
    {
        if (length == 0) return op;
        var n = length - 1;
        if (n < 60) *op++ = (byte)(n << 2);
        else if (n < 1 << 8)
        {
            *op++ = 60 << 2;
            *op++ = (byte)n;
        }
        else if (n < 1 << 16)
        {
            *op++ = 61 << 2;
            *op++ = (byte)n;
            *op++ = (byte)(n >> 8);
        }
        else if (n < 1 << 24)
        {
            *op++ = 62 << 2;
            *op++ = (byte)n;
            *op++ = (byte)(n >> 8);
            *op++ = (byte)(n >> 16);
        }
        else
        {
            *op++ = 63 << 2;
            Unsafe.WriteUnaligned(op, (uint)n);
            op += 4;
        }
        Buffer.MemoryCopy(literal, op, length, length);
        return op + length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* EmitCopy(byte* op, int offset, int length)
    {
        // Copies are at most 64 bytes; keep the last piece at least 4 long so a 1-byte-offset form stays possible.
        while (length >= 68)
        {
            op = EmitCopyUpTo64(op, offset, 64);
            length -= 64;
        }
        if (length > 64)
        {
            op = EmitCopyUpTo64(op, offset, 60);
            length -= 60;
        }
        return EmitCopyUpTo64(op, offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* EmitCopyUpTo64(byte* op, int offset, int length)
    {
        if (length is >= 4 and <= 11 && offset < 2048)
        {
            *op++ = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            *op++ = (byte)offset;
        }
        else
        {
            *op++ = (byte)(2 | ((length - 1) << 2));
            *op++ = (byte)offset;
            *op++ = (byte)(offset >> 8);
        }
        return op;
    }

    /// <summary>The uncompressed length a Snappy block declares.</summary>
    public static int DecompressedLength(ReadOnlySpan<byte> src)
    {
        var pos = 0;
        return ReadLength(src, ref pos);
    }

    /// <summary>Decompresses <paramref name="src"/> into exactly <paramref name="dst"/>; throws on any inconsistency.</summary>
    public static void Decompress(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var pos = 0;
        var declared = ReadLength(src, ref pos);
        if (declared != dst.Length) throw new PageDataException($"Snappy block declares {declared} bytes but the page says {dst.Length}");
        fixed (byte* s0 = src)
        fixed (byte* d0 = dst)
        {
            var ip = s0 + pos;
            var iend = s0 + src.Length;
            var op = d0;
            var oend = d0 + dst.Length;
            while (ip < iend)
            {
                var tag = *ip++;
                if ((tag & 3) != 0 && oend - op >= 16 && iend - ip >= 2)
                {
                    // Fast path for the common short copies (≤ 16 bytes, offset ≥ 8): two overlapping-safe 8-byte moves.
                    int shortLength;
                    int shortOffset;
                    if ((tag & 3) == 1)
                    {
                        shortLength = 4 + ((tag >> 2) & 7);
                        shortOffset = ((tag >> 5) << 8) | ip[0];
                    }
                    else
                    {
                        shortLength = 1 + (tag >> 2);
                        shortOffset = ip[0] | (ip[1] << 8);
                    }
                    if ((tag & 3) != 3 && shortLength <= 16 && shortOffset >= 8 && shortOffset <= op - d0)
                    {
                        ip += tag & 3;
                        var source = op - shortOffset;
                        Unsafe.WriteUnaligned(op, Unsafe.ReadUnaligned<ulong>(source));
                        Unsafe.WriteUnaligned(op + 8, Unsafe.ReadUnaligned<ulong>(source + 8));
                        op += shortLength;
                        continue;
                    }
                }
                int length;
                int offset;
                switch (tag & 3)
                {
                    case 0:
                    {
                        length = tag >> 2;
                        if (length < 16 && iend - ip >= 16 && oend - op >= 16)
                        {
                            // Short literal with room on both sides: copy 16 bytes at once, advance by the real length.
                            Unsafe.WriteUnaligned(op, Unsafe.ReadUnaligned<System.Runtime.Intrinsics.Vector128<byte>>(ip));
                            ip += length + 1;
                            op += length + 1;
                            continue;
                        }
                        if (length >= 60)
                        {
                            var extra = length - 59;
                            if (iend - ip < extra) throw new PageDataException("Snappy literal length overruns the input");
                            length = 0;
                            for (var k = 0; k < extra; k++) length |= ip[k] << (8 * k);
                            ip += extra;
                            if (length < 0) throw new PageDataException("Snappy literal length is negative");
                        }
                        length += 1;
                        if (iend - ip < length) throw new PageDataException("Snappy literal overruns the input");
                        if (oend - op < length) throw new PageDataException("Snappy literal overruns the output");
                        Buffer.MemoryCopy(ip, op, length, length);
                        ip += length;
                        op += length;
                        continue;
                    }
                    case 1:
                        if (ip >= iend) throw new PageDataException("Snappy copy overruns the input");
                        length = 4 + ((tag >> 2) & 7);
                        offset = ((tag >> 5) << 8) | *ip++;
                        break;
                    case 2:
                        if (iend - ip < 2) throw new PageDataException("Snappy copy overruns the input");
                        length = 1 + (tag >> 2);
                        offset = ip[0] | (ip[1] << 8);
                        ip += 2;
                        break;
                    default:
                        if (iend - ip < 4) throw new PageDataException("Snappy copy overruns the input");
                        length = 1 + (tag >> 2);
                        offset = (int)Unsafe.ReadUnaligned<uint>(ip);
                        ip += 4;
                        break;
                }
                if (offset <= 0 || offset > op - d0) throw new PageDataException($"Snappy copy offset {offset} points before the output");
                if (oend - op < length) throw new PageDataException("Snappy copy overruns the output");
                var from = op - offset;
                if (offset >= 16 && oend - op >= 64 + 16)
                {
                    // Whole 16-byte blocks; the last may write past the copy but stays inside the output and is overwritten later.
                    for (var k = 0; k < length; k += 16)
                        Unsafe.WriteUnaligned(op + k, Unsafe.ReadUnaligned<System.Runtime.Intrinsics.Vector128<byte>>(from + k));
                }
                else if (offset >= 8 && oend - op >= length + 8)
                {
                    for (var k = 0; k < length; k += 8) Unsafe.WriteUnaligned(op + k, Unsafe.ReadUnaligned<ulong>(from + k));
                }
                else
                {
                    for (var k = 0; k < length; k++) op[k] = from[k];
                }
                op += length;
            }
            if (op != oend) throw new PageDataException($"Snappy block yields {op - d0} bytes but declares {dst.Length}");
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> src, ref int pos)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (pos >= src.Length) throw new PageDataException("Snappy block ends inside its length");
            var b = src[pos++];
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (result > int.MaxValue) throw new PageDataException($"Snappy block declares {result} bytes");
                return (int)result;
            }
        }
        throw new PageDataException("Snappy length varint longer than 5 bytes");
    }
}
