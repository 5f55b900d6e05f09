using Backtest.Core.Costs;
using Backtest.Lake.Specs;
using Backtest.Testing;

namespace Backtest.Lake.Tests.Costs;

public sealed class CostsLoaderTests
{
    public static TheoryData<string> Cases() => ErrorVectors.Names("costs");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_cost_file_gives_its_exact_located_message(string name)
    {
        var c = ErrorVectors.Case("costs", name);
        var e = Assert.Throws<SpecException>(() => LoadText(ErrorVectors.Text(c, "text")!));
        Assert.Equal(ErrorVectors.Text(c, "error"), e.Message);
    }

    [Fact]
    public void The_shipped_file_loads_as_written()
    {
        var (settings, digest) = CostsLoader.Load(RepoPaths.Root);
        var expected = new CostSettings(new FeeSettings(2, 4), 0.5,
            new ImpactSettings(ImpactModelKind.SquareRoot, 0.7, new Dictionary<string, double> { ["BTCUSDT"] = 0.5, ["ETHUSDT"] = 0.6 }, 30),
            0.05, new FundingSettings(FundingTreatment.Settle), new BorrowSettings(0.10));
        Assert.Equal(expected.ToCanonicalJson(), settings.ToCanonicalJson());
        Assert.Equal(expected.ComputeDigest(), digest);
        Assert.Matches("^[0-9a-f]{64}$", digest);
    }

    private const string Base = """
        fees:
          maker_bps: 2
          taker_bps: 4
        half_spread_bps: 0.5
        impact:
          model: square_root
          y: 0.7
          y_by_symbol:
            BTCUSDT: 0.5
          window_days: 30
        participation_cap: 0.05
        funding:
          treatment: settle
        borrow:
          annual_rate: 0.1
        """;

    public static TheoryData<string> SameCosts() =>
    [
        // comments and blank lines
        "# costs\n" + Base.Replace("fees:", "fees:   # Binance VIP 0\n\n"),
        // key order, at every level
        """
        borrow: {annual_rate: 0.1}
        funding: {treatment: settle}
        participation_cap: 0.05
        impact: {window_days: 30, y_by_symbol: {BTCUSDT: 0.5}, y: 0.7, model: square_root}
        half_spread_bps: 0.5
        fees: {taker_bps: 4, maker_bps: 2}
        """,
        // number spelling
        Base.Replace("maker_bps: 2", "maker_bps: 2.0").Replace("taker_bps: 4", "taker_bps: 4e0").Replace("y: 0.7", "y: 0.70").Replace("annual_rate: 0.1", "annual_rate: .1"),
    ];

    [Theory]
    [MemberData(nameof(SameCosts))]
    public void Comments_key_order_and_number_spelling_keep_the_digest(string text) =>
        Assert.Equal(LoadText(Base).Digest, LoadText(text).Digest);

    public static TheoryData<string, string> ChangedValues() => new()
    {
        { "maker_bps: 2", "maker_bps: 2.5" },
        { "taker_bps: 4", "taker_bps: 5" },
        { "half_spread_bps: 0.5", "half_spread_bps: 0.6" },
        { "model: square_root", "model: none" },
        { "y: 0.7", "y: 0.8" },
        { "BTCUSDT: 0.5", "BTCUSDT: 0.55" },
        { "BTCUSDT: 0.5", "ETHUSDT: 0.5" },
        { "    BTCUSDT: 0.5", "    BTCUSDT: 0.5\n    SOLUSDT: 0.9" },
        { "window_days: 30", "window_days: 31" },
        { "participation_cap: 0.05", "participation_cap: 0.1" },
        { "participation_cap: 0.05", "participation_cap: null" },
        { "treatment: settle", "treatment: ignore" },
        { "annual_rate: 0.1", "annual_rate: 0.12" },
    };

    [Theory]
    [MemberData(nameof(ChangedValues))]
    public void Any_value_changes_the_digest(string from, string to)
    {
        var edited = Base.Replace(from, to);
        Assert.NotEqual(Base, edited);
        Assert.NotEqual(LoadText(Base).Digest, LoadText(edited).Digest);
    }

    private static (CostSettings Settings, string Digest) LoadText(string text)
    {
        var root = TempRoot.Create();
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "spec"));
            File.WriteAllText(Path.Combine(root, "spec", "costs.yaml"), text);
            return CostsLoader.Load(root);
        }
        finally { Directory.Delete(root, true); }
    }
}
