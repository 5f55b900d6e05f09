using System.Globalization;
using System.Text;

namespace Backtest.Stages.Certification;

/// <summary>
/// A readable difference between an expected and an actual canonical text: the first differing rows, and for
/// CSV rows the differing columns with both values and, when numeric, their delta.
/// </summary>
public static class GoldenDiff
{
    /// <summary>Null when equal; else a short report of the first <paramref name="maxRows"/> differences.</summary>
    public static string? Describe(string name, string expected, string actual, int maxRows = 3)
    {
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var header = name.EndsWith(".csv", StringComparison.Ordinal) && e.Length > 0 ? Cells(e[0]) : null;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{name}: {e.Length - 1} lines expected, {a.Length - 1} received\n");
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < maxRows; i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el == al) continue;
            shown++;
            sb.Append(CultureInfo.InvariantCulture, $"  line {i + 1}:\n");
            if (header is not null && el is not null && al is not null && i > 0)
            {
                var ec = Cells(el);
                var ac = Cells(al);
                for (var c = 0; c < Math.Max(ec.Count, ac.Count); c++)
                {
                    var ev = c < ec.Count ? ec[c] : "∅";
                    var av = c < ac.Count ? ac[c] : "∅";
                    if (ev == av) continue;
                    var col = c < header.Count ? header[c] : $"#{c + 1}";
                    var delta = double.TryParse(ev, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                                && double.TryParse(av, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                        ? string.Create(CultureInfo.InvariantCulture, $" (Δ {y - x:G6})") : "";
                    sb.Append(CultureInfo.InvariantCulture, $"    {col}: expected {ev}, got {av}{delta}\n");
                }
            }
            else
            {
                sb.Append("    - ").Append(el ?? "(missing)").Append('\n');
                sb.Append("    + ").Append(al ?? "(missing)").Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>The cells of one CSV line (RFC 4180 quoting, as <see cref="CanonicalText"/> writes it).</summary>
    public static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
