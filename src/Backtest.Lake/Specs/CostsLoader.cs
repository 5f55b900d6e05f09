using Backtest.Core.Costs;

namespace Backtest.Lake.Specs;

/// <summary>
/// Loads spec/costs.yaml (or another cost file) into <see cref="CostSettings"/> and its cost digest. The keys mirror
/// the file exactly; an unknown key, a missing one, a wrong type or a value <see cref="CostSettings.Validate"/> rejects
/// (a negative fee, a cap above 1) is a <see cref="SpecException"/> at the offending line and column. The digest is
/// computed from the parsed values, so comments, key order and number spelling never change it.
/// </summary>
public static class CostsLoader
{
    /// <summary>Repository-relative path of the default cost file.</summary>
    public const string DefaultPath = "spec/costs.yaml";

    private static readonly string[] Sections = ["fees", "half_spread_bps", "impact", "participation_cap", "funding", "borrow"];
    private static readonly string[] FeeKeys = ["maker_bps", "taker_bps"];
    private static readonly string[] ImpactKeys = ["model", "y", "y_by_symbol", "window_days"];
    private static readonly string[] FundingKeys = ["treatment"];
    private static readonly string[] BorrowKeys = ["annual_rate"];

    /// <summary>Parses and validates <paramref name="relativePath"/> under <paramref name="root"/>; returns the settings and their digest.</summary>
    public static (CostSettings Settings, string Digest) Load(string root, string relativePath = DefaultPath)
    {
        var settings = Parse(SpecFile.ReadMap(root, relativePath));
        return (settings, settings.ComputeDigest());
    }

    /// <summary>Validates an already parsed cost mapping.</summary>
    public static CostSettings Parse(SpecMap map)
    {
        map.RejectUnknownKeys(Sections);
        var fees = map.RequireMap("fees");
        fees.RejectUnknownKeys(FeeKeys);
        var impact = map.RequireMap("impact");
        impact.RejectUnknownKeys(ImpactKeys);
        var funding = map.RequireMap("funding");
        funding.RejectUnknownKeys(FundingKeys);
        var borrow = map.RequireMap("borrow");
        borrow.RejectUnknownKeys(BorrowKeys);

        var modelNode = impact.RequireScalar("model");
        var model = modelNode.Text switch
        {
            "square_root" => ImpactModelKind.SquareRoot,
            "none" => ImpactModelKind.None,
            _ => throw modelNode.Error($"impact.model is square_root or none, found {modelNode.Describe()}"),
        };
        var treatmentNode = funding.RequireScalar("treatment");
        var treatment = treatmentNode.Text switch
        {
            "settle" => FundingTreatment.Settle,
            "ignore" => FundingTreatment.Ignore,
            _ => throw treatmentNode.Error($"funding.treatment is settle or ignore, found {treatmentNode.Describe()}"),
        };
        var ySymbols = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in impact.OptionalMap("y_by_symbol")?.Entries ?? [])
        {
            var scalar = value as SpecScalar ?? throw value.Error($"impact.y_by_symbol.{key.Text} must be a number, found {value.Describe()}");
            ySymbols[key.Text] = scalar.AsDouble();
        }

        var settings = new CostSettings(
            new FeeSettings(fees.RequireDouble("maker_bps"), fees.RequireDouble("taker_bps")),
            map.RequireDouble("half_spread_bps"),
            new ImpactSettings(model, impact.RequireDouble("y"), ySymbols, impact.RequireInt("window_days")),
            map.OptionalDouble("participation_cap"),
            new FundingSettings(treatment),
            new BorrowSettings(borrow.RequireDouble("annual_rate")));

        var issues = settings.Validate();
        if (issues.Count > 0) throw Locate(map, issues[0]);
        return settings;
    }

    /// <summary>The value node a validation issue's dotted path names (the nearest existing ancestor if it is absent).</summary>
    private static SpecException Locate(SpecMap root, CostIssue issue)
    {
        SpecNode node = root;
        var parts = issue.Path.Split('.');
        for (var i = 0; i < parts.Length && node is SpecMap map; i++)
        {
            if (map.Find(parts[i]) is { } child) node = child;
            else if (map.Find(string.Join('.', parts[i..])) is { } whole) { node = whole; break; } // a symbol with a dot
            else break;
        }
        return node.Error($"{issue.Path} {issue.Message}");
    }
}
