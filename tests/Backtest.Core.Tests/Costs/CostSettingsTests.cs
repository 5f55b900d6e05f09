using System.Globalization;
using System.Text.Json;
using Backtest.Core.Costs;
using Backtest.Testing;

namespace Backtest.Core.Tests.Costs;

public sealed class CostSettingsTests
{
    private static CostSettings Baseline(IReadOnlyDictionary<string, double>? ySymbols = null) =>
        CostModelTests.Settings(ySymbols: ySymbols ?? new Dictionary<string, double> { ["BTCUSDT"] = 0.5, ["ETHUSDT"] = 0.6 }, cap: 0.05);

    [Fact]
    public void Canonical_json_sorts_keys_and_writes_round_trip_numbers()
    {
        const string expected =
            """{"borrow":{"annual_rate":0.1},"fees":{"maker_bps":2,"taker_bps":4},"funding":{"treatment":"settle"},"half_spread_bps":0.5,"impact":{"model":"square_root","window_days":30,"y":0.5,"y_by_symbol":{"BTCUSDT":0.5,"ETHUSDT":0.6}},"participation_cap":0.05}""";
        Assert.Equal(expected, Baseline().ToCanonicalJson());
        // sha256 of exactly those bytes, computed outside .NET (python3 hashlib) and pinned: the digest format cannot drift silently
        Assert.Equal("d05088a7aa12f4f70f539df937f0eca8bd705219976ae3fbdc457b9475cf2e62", Baseline().ComputeDigest());
    }

    [Fact]
    public void Digest_ignores_map_order_number_spelling_and_negative_zero()
    {
        var a = Baseline(new Dictionary<string, double> { ["BTCUSDT"] = 0.5, ["ETHUSDT"] = 0.6 });
        var b = Baseline(new Dictionary<string, double> { ["ETHUSDT"] = 0.6, ["BTCUSDT"] = 0.5 });
        Assert.Equal(a.ComputeDigest(), b.ComputeDigest());

        // what a loader parses from "4", "4.0", "4e0" or "0.4E1" is one double, so one digest
        foreach (var spelling in new[] { "4", "4.0", "4e0", "0.4E1", "4.000" })
        {
            var taker = double.Parse(spelling, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Equal(a.ComputeDigest(), (a with { Fees = new FeeSettings(2, taker) }).ComputeDigest());
        }
        Assert.Equal((a with { HalfSpreadBps = 0 }).ComputeDigest(), (a with { HalfSpreadBps = -0.0 }).ComputeDigest());
    }

    [Fact]
    public void Every_value_changes_the_digest()
    {
        var b = Baseline();
        var variants = new Dictionary<string, CostSettings>
        {
            ["baseline"] = b,
            ["maker"] = b with { Fees = b.Fees with { MakerBps = 2.5 } },
            ["taker"] = b with { Fees = b.Fees with { TakerBps = 4.0000000000000009 } }, // next double after 4
            ["half spread"] = b with { HalfSpreadBps = 0.6 },
            ["model"] = b with { Impact = b.Impact with { Model = ImpactModelKind.None } },
            ["y"] = b with { Impact = b.Impact with { Y = 0.7 } },
            ["y override value"] = b with { Impact = b.Impact with { YBySymbol = new Dictionary<string, double> { ["BTCUSDT"] = 0.55, ["ETHUSDT"] = 0.6 } } },
            ["y override symbol"] = b with { Impact = b.Impact with { YBySymbol = new Dictionary<string, double> { ["BTCUSDT"] = 0.5, ["SOLUSDT"] = 0.6 } } },
            ["y override removed"] = b with { Impact = b.Impact with { YBySymbol = new Dictionary<string, double> { ["BTCUSDT"] = 0.5 } } },
            ["window"] = b with { Impact = b.Impact with { WindowDays = 31 } },
            ["cap"] = b with { ParticipationCap = 0.1 },
            ["no cap"] = b with { ParticipationCap = null },
            ["funding"] = b with { Funding = new FundingSettings(FundingTreatment.Ignore) },
            ["borrow"] = b with { Borrow = new BorrowSettings(0.12) },
        };
        var digests = variants.ToDictionary(p => p.Key, p => p.Value.ComputeDigest());
        var clashes = digests.GroupBy(p => p.Value).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(p => p.Key))).ToList();
        Assert.Empty(clashes);
        Assert.All(digests.Values, d => Assert.Matches("^[0-9a-f]{64}$", d));
    }

    [Fact]
    public void Validation_lists_every_problem_with_its_key_and_reason()
    {
        var bad = CostModelTests.Settings(takerBps: -1, halfSpreadBps: double.NaN, y: -0.5, cap: 1.5, borrow: -0.01,
            ySymbols: new Dictionary<string, double> { ["BTCUSDT"] = -2 }) with { Impact = new ImpactSettings(ImpactModelKind.SquareRoot, -0.5, new Dictionary<string, double> { ["BTCUSDT"] = -2 }, 0) };
        var issues = bad.Validate().Select(i => i.ToString()).ToList();
        Assert.Equal(new[]
        {
            "borrow.annual_rate: must be ≥ 0 (got -0.01): a negative borrow rate would pay shorts to borrow",
            "fees.taker_bps: must be ≥ 0 (got -1): rebates are not modelled; a negative fee would pay the strategy to trade",
            "half_spread_bps: must be a finite number (got NaN)",
            "impact.window_days: must be at least 1 day (got 0): σ_D and V_D are trailing daily estimates",
            "impact.y: must be ≥ 0 (got -0.5): a negative impact coefficient would improve prices with size",
            "impact.y_by_symbol.BTCUSDT: must be ≥ 0 (got -2): a negative impact coefficient would improve prices with size",
            "participation_cap: must be in (0, 1] or absent (got 1.5): it is the largest share of a bar's typical quote volume one order may take",
        }, issues);
        var ex = Assert.Throws<CostSettingsException>(() => bad.EnsureValid());
        Assert.Equal(7, ex.Issues.Count);
        Assert.StartsWith("the cost settings are invalid: borrow.annual_rate: must be ≥ 0", ex.Message);
        var ok = Baseline();
        Assert.Same(ok, ok.EnsureValid());
    }

    [Fact]
    public void The_default_cost_file_has_exactly_the_canonical_keys_and_valid_values()
    {
        var yaml = SimpleYaml.Leaves(File.ReadAllLines(Path.Combine(RepoPaths.Root, "spec", "costs.yaml")));
        double N(string key) => double.Parse(yaml[key], NumberStyles.Float, CultureInfo.InvariantCulture);
        var ySymbols = yaml.Where(p => p.Key.StartsWith("impact.y_by_symbol.", StringComparison.Ordinal))
            .ToDictionary(p => p.Key["impact.y_by_symbol.".Length..], p => N(p.Key));
        var settings = new CostSettings(
            new FeeSettings(N("fees.maker_bps"), N("fees.taker_bps")),
            N("half_spread_bps"),
            new ImpactSettings(yaml["impact.model"] == "square_root" ? ImpactModelKind.SquareRoot : ImpactModelKind.None, N("impact.y"), ySymbols, (int)N("impact.window_days")),
            N("participation_cap"),
            new FundingSettings(yaml["funding.treatment"] == "settle" ? FundingTreatment.Settle : FundingTreatment.Ignore),
            new BorrowSettings(N("borrow.annual_rate")));
        Assert.Empty(settings.Validate());

        using var canonical = JsonDocument.Parse(settings.ToCanonicalJson());
        var canonicalKeys = new SortedSet<string>(StringComparer.Ordinal);
        Flatten(canonical.RootElement, "", canonicalKeys);
        Assert.Equal(canonicalKeys, new SortedSet<string>(yaml.Keys, StringComparer.Ordinal));
        Assert.Equal("square_root", yaml["impact.model"]);
    }

    private static void Flatten(JsonElement e, string prefix, SortedSet<string> keys)
    {
        if (e.ValueKind != JsonValueKind.Object) { keys.Add(prefix); return; }
        foreach (var p in e.EnumerateObject()) Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}", keys);
    }
}
