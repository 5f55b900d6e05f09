using System.Text;

namespace Backtest.Lake.Sources.Binance;

/// <summary>Validates a header row against a Data Vision layout, so a file of the wrong dataset fails on line 1, not deep inside.</summary>
internal static class LayoutCheck
{
    /// <summary>
    /// Requires at least <paramref name="required"/> columns whose leading names match <paramref name="layout"/>
    /// (case-insensitive); columns past the layout are allowed (Binance appends columns over the years).
    /// </summary>
    public static void Header(ReadOnlySpan<byte> line, Span<Range> fields, int count, string[] layout, int required,
        string file, long lineNumber, string dataset)
    {
        var expected = string.Join(',', layout);
        if (count < required)
            throw new RawDataException(file, lineNumber, null,
                $"the header has {count} columns; the {dataset} layout starts {expected}");
        var checkable = Math.Min(Math.Min(count, layout.Length), fields.Length);
        for (var c = 0; c < checkable; c++)
        {
            var name = Encoding.UTF8.GetString(line[fields[c]]).Trim();
            if (!string.Equals(name, layout[c], StringComparison.OrdinalIgnoreCase))
                throw new RawDataException(file, lineNumber, layout[c],
                    $"header column {c + 1} is '{name}' where the {dataset} layout has '{layout[c]}' ({expected})");
        }
    }
}
