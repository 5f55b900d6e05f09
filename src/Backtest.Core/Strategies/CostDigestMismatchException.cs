namespace Backtest.Core.Strategies;

/// <summary>Raised when a blueprint was validated under other costs than spec/costs.yaml now holds: its net edge is no longer known.</summary>
public sealed class CostDigestMismatchException(string blueprintId, string blueprintDigest, string currentDigest)
    : Exception($"blueprint '{blueprintId}' was validated under cost digest {blueprintDigest}, but spec/costs.yaml now has digest {currentDigest}: " +
                "its net-of-cost edge is unknown under the new costs; rerun Bridge and Blueprints (./build.sh Blueprints) before trading it")
{
    /// <summary>The blueprint refused.</summary>
    public string BlueprintId { get; } = blueprintId;
    /// <summary>The digest the blueprint carries.</summary>
    public string BlueprintDigest { get; } = blueprintDigest;
    /// <summary>The digest of the current cost file.</summary>
    public string CurrentDigest { get; } = currentDigest;
}
