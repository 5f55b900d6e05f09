using System.Security.Cryptography;
using System.Text;

namespace Backtest.Stages.Pipeline;

/// <summary>SHA-256 in lower-case hex: the one digest the lake, reports and provenance use.</summary>
public static class Hashing
{
    /// <summary>Digest of UTF-8 text.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Digest of bytes.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Digest of a file's content.</summary>
    public static string FileSha256Hex(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
