using System.Text;

namespace Backtest.Parquet.Writing;

/// <summary>
/// UTF-8 that refuses lone surrogates instead of silently writing U+FFFD: a string that cannot be stored
/// exactly is the caller's bug, and a file that reads back different text would hide it.
/// </summary>
internal static class StrictUtf8
{
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
