namespace Backtest.Parquet.Writing;

/// <summary>
/// Compares strings in the order of their UTF-8 bytes (= code point order), which Parquet statistics use,
/// without encoding them: UTF-16 differs only in where surrogate pairs sort against U+E000..U+FFFF.
/// </summary>
internal static class Utf8Order
{
    public static int Compare(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y) continue;
            return Fix(x).CompareTo(Fix(y));
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
