using System.Security.Cryptography;

namespace Backtest.Targets;

/// <summary>SHA-256 in the one spelling used everywhere (lowercase hex).</summary>
internal static class ContentHash
{
    /// <summary>The hash of a file's content.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The hash of bytes.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of a string's UTF-8 bytes.</summary>
    public static string OfText(string text) => Of(System.Text.Encoding.UTF8.GetBytes(text));
}
