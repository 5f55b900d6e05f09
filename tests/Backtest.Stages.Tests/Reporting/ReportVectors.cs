using System.Globalization;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>
/// Reads the comma-separated vector files under vectors/reporting: lines starting with '#' are comments, the first
/// row is the header, and the last column takes the rest of the line (so it may hold commas, e.g. "1,000").
/// </summary>
internal static class ReportVectors
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "vectors", "reporting");

    /// <summary>The data rows of <paramref name="file"/> as header → value maps, with their case names.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',', header.Length);
            Assert.True(cells.Length == header.Length, $"{file}: '{l}' has {cells.Length} cells, header has {header.Length}");
            return header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    /// <summary>xUnit member data: one case name per row.</summary>
    public static IEnumerable<object[]> Cases(string file) => Rows(file).Select(r => new object[] { r["case"] });

    public static Dictionary<string, string> Row(string file, string name) => Rows(file).Single(r => r["case"] == name);

    public static double Number(string text) =>
        text == "nan" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
