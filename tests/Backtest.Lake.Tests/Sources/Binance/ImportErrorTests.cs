using Backtest.Core.Time;
using Backtest.Lake.Sources;
using Backtest.Lake.Sources.Binance;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>Every bad-input case in fixtures/binance/import-errors.yaml raises exactly its stated one-paragraph error.</summary>
public sealed class ImportErrorTests
{
    /// <summary>One case of the vector file.</summary>
    public sealed class ErrorCase
    {
        public string Name { get; set; } = "";
        public string File { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Timeframe { get; set; }
        public string? Symbol { get; set; }
        public string Content { get; set; } = "";
        public string Error { get; set; } = "";
    }

    private static readonly Lazy<List<ErrorCase>> Cases = new(() =>
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<List<ErrorCase>>(TempRawFolder.Fixture("import-errors.yaml")));

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value) data.Add(c.Name);
        return data;
    }

    [Fact]
    public void The_vector_file_has_cases_for_every_dataset()
    {
        Assert.True(Cases.Value.Count >= 20);
        Assert.Contains(Cases.Value, c => c.Kind == "klines");
        Assert.Contains(Cases.Value, c => c.Kind == "fundingRate");
        Assert.Contains(Cases.Value, c => c.Kind == "metrics");
        Assert.Equal(Cases.Value.Count, Cases.Value.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Bad_input_raises_its_exact_error(string name)
    {
        var c = Cases.Value.Single(x => x.Name == name);
        using var folder = new TempRawFolder();
        var path = folder.Plain(c.File, c.Content);
        var error = Assert.Throws<RawDataException>(() => Import(c, path));
        Assert.Equal(c.Error.Replace("{file}", path), error.Message);
        Assert.Equal(path, error.File);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Errors_inside_a_zip_name_the_archive_and_its_entry(string name)
    {
        var c = Cases.Value.Single(x => x.Name == name);
        using var folder = new TempRawFolder();
        var entry = Path.GetFileName(c.File);
        var path = folder.Zip(Path.ChangeExtension(c.File, ".zip"), (entry, c.Content));
        var error = Assert.Throws<RawDataException>(() => Import(c, path));
        Assert.Equal(c.Error.Replace("{file}", $"{path}:{entry}"), error.Message);
    }

    private static void Import(ErrorCase c, string path)
    {
        switch (c.Kind)
        {
            case "klines": BinanceImporter.ImportKlines([path], Timeframe.Parse(c.Timeframe!)); break;
            case "fundingRate": BinanceImporter.ImportFunding([path]); break;
            case "metrics": BinanceImporter.ImportOpenInterest([path], c.Symbol); break;
            default: throw new InvalidOperationException($"unknown kind '{c.Kind}' in case '{c.Name}'");
        }
    }
}
