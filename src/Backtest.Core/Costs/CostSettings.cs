using System.Security.Cryptography;
using System.Text;

namespace Backtest.Core.Costs;

/// <summary>
/// The parsed spec/costs.yaml: every friction the engine charges and the Bridge prices in. Keys of the canonical
/// form are the YAML keys, so the Lake maps file to record one to one. The cost digest is the SHA-256 of
/// <see cref="ToCanonicalJson"/>; blueprints carry it so results are never mixed across cost assumptions.
/// </summary>
/// <param name="Fees">Maker/taker fees in bps of traded notional.</param>
/// <param name="HalfSpreadBps">Half the quoted spread in bps: what a market order pays against the mid (the bar open).</param>
/// <param name="Impact">The impact law and its coefficients.</param>
/// <param name="ParticipationCap">Largest entry as a fraction of the point-in-time mean bar quote volume, or null for none.</param>
/// <param name="Funding">Whether perpetual funding is settled.</param>
/// <param name="Borrow">The borrow rate for spot shorts.</param>
public sealed record CostSettings(
    FeeSettings Fees,
    double HalfSpreadBps,
    ImpactSettings Impact,
    double? ParticipationCap,
    FundingSettings Funding,
    BorrowSettings Borrow)
{
    /// <summary>
    /// Compact JSON with sorted keys and invariant round-trip numbers: equal settings give equal bytes whatever
    /// the file's comments, key order or number spelling.
    /// </summary>
    public string ToCanonicalJson()
    {
        var fees = CanonicalJson.Map();
        fees["maker_bps"] = Fees.MakerBps;
        fees["taker_bps"] = Fees.TakerBps;

        var ySymbols = CanonicalJson.Map();
        foreach (var (symbol, y) in Impact.YBySymbol) ySymbols[symbol] = y;
        var impact = CanonicalJson.Map();
        impact["model"] = ModelName(Impact.Model);
        impact["y"] = Impact.Y;
        impact["y_by_symbol"] = ySymbols;
        impact["window_days"] = Impact.WindowDays;

        var funding = CanonicalJson.Map();
        funding["treatment"] = TreatmentName(Funding.Treatment);

        var borrow = CanonicalJson.Map();
        borrow["annual_rate"] = Borrow.AnnualRate;

        var root = CanonicalJson.Map();
        root["borrow"] = borrow;
        root["fees"] = fees;
        root["funding"] = funding;
        root["half_spread_bps"] = HalfSpreadBps;
        root["impact"] = impact;
        root["participation_cap"] = ParticipationCap;
        return CanonicalJson.Write(root);
    }

    /// <summary>The cost digest: lowercase hex SHA-256 of the canonical JSON's UTF-8 bytes.</summary>
    public string ComputeDigest() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalJson())));

    /// <summary>Every problem with the values, in key order (empty when usable).</summary>
    public IReadOnlyList<CostIssue> Validate()
    {
        var issues = new List<CostIssue>();
        NonNegative(issues, "fees.maker_bps", Fees.MakerBps, "rebates are not modelled; a negative fee would pay the strategy to trade");
        NonNegative(issues, "fees.taker_bps", Fees.TakerBps, "rebates are not modelled; a negative fee would pay the strategy to trade");
        if (!Enum.IsDefined(Funding.Treatment))
            issues.Add(new("funding.treatment", $"'{Funding.Treatment}' is not a funding treatment: use settle or ignore"));
        NonNegative(issues, "half_spread_bps", HalfSpreadBps, "a negative spread would pay the strategy to cross it");
        if (!Enum.IsDefined(Impact.Model))
            issues.Add(new("impact.model", $"'{Impact.Model}' is not an impact model: use none or square_root"));
        NonNegative(issues, "impact.y", Impact.Y, "a negative impact coefficient would improve prices with size");
        foreach (var (symbol, y) in Impact.YBySymbol.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(symbol)) issues.Add(new("impact.y_by_symbol", "a symbol name is empty"));
            NonNegative(issues, $"impact.y_by_symbol.{symbol}", y, "a negative impact coefficient would improve prices with size");
        }
        if (Impact.WindowDays < 1)
            issues.Add(new("impact.window_days", $"must be at least 1 day (got {Impact.WindowDays}): σ_D and V_D are trailing daily estimates"));
        if (ParticipationCap is { } cap && !(cap > 0 && cap <= 1))
            issues.Add(new("participation_cap", $"must be in (0, 1] or absent (got {Fmt(cap)}): it is the largest share of a bar's typical quote volume one order may take"));
        NonNegative(issues, "borrow.annual_rate", Borrow.AnnualRate, "a negative borrow rate would pay shorts to borrow");
        issues.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return issues;
    }

    /// <summary>Throws <see cref="CostSettingsException"/> listing every issue, or returns this when usable.</summary>
    public CostSettings EnsureValid()
    {
        var issues = Validate();
        return issues.Count == 0 ? this : throw new CostSettingsException(issues);
    }

    /// <summary>The YAML/JSON spelling of an impact model.</summary>
    public static string ModelName(ImpactModelKind model) => model switch
    {
        ImpactModelKind.None => "none",
        ImpactModelKind.SquareRoot => "square_root",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "unknown impact model"),
    };

    /// <summary>The YAML/JSON spelling of a funding treatment.</summary>
    public static string TreatmentName(FundingTreatment treatment) => treatment switch
    {
        FundingTreatment.Settle => "settle",
        FundingTreatment.Ignore => "ignore",
        _ => throw new ArgumentOutOfRangeException(nameof(treatment), treatment, "unknown funding treatment"),
    };

    private static void NonNegative(List<CostIssue> issues, string path, double value, string why)
    {
        if (!double.IsFinite(value)) issues.Add(new(path, $"must be a finite number (got {Fmt(value)})"));
        else if (value < 0) issues.Add(new(path, $"must be ≥ 0 (got {Fmt(value)}): {why}"));
    }

    private static string Fmt(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
