using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Core.Strategies;

/// <summary>
/// A strategy as data (JSON on disk, schema at spec/schemas/blueprint.schema.json): what to trade, when to enter
/// and leave, how big, and which cost file it was validated under. Compiled by the Blueprints stage (with
/// provenance and cost digest) or written by hand (both optional); the interpreter turns it into a
/// <see cref="Strategy"/> by evaluating its expressions over bars.
/// </summary>
public sealed record Blueprint(
    string Id,
    string Symbol,
    MarketKind Market,
    Timeframe Timeframe,
    Trigger Trigger,
    Direction Direction,
    EntryPolicy Entry,
    ExitPolicy Exit,
    Sizing Sizing,
    BlueprintProvenance? Provenance = null,
    string? CostDigest = null)
{
    /// <summary>
    /// Refuses to trade under different costs than the blueprint was validated with: a compiled blueprint's
    /// digest must equal <paramref name="currentCostDigest"/> (the digest of today's spec/costs.yaml).
    /// Hand-written blueprints without a digest trade under whatever costs are current.
    /// </summary>
    public void EnsureCostDigest(string currentCostDigest)
    {
        if (CostDigest is null || string.Equals(CostDigest, currentCostDigest, StringComparison.Ordinal)) return;
        throw new CostDigestMismatchException(Id, CostDigest, currentCostDigest);
    }
}
