using Backtest.Core.Statistics;

namespace Backtest.Core.Research;

/// <summary>
/// Every pass/fail threshold, from spec/gates.yaml only: discovery (statistical), bridge (economic) and
/// walk-forward (overfitting) sections, each digested separately so editing one reruns only its stage.
/// </summary>
public sealed record GateSettings(DiscoveryGates Discovery, BridgeGates Bridge, WalkforwardGates Walkforward);

/// <summary>Statistical gates applied by Discover to every tested hypothesis.</summary>
public sealed record DiscoveryGates(int MinEvents, double MinEss, double MaxQValue, FdrMethod FdrMethod, double MinAbsMeanBps);

/// <summary>Economic gates applied by Bridge after costs.</summary>
public sealed record BridgeGates(double MinNetEdgeBps, double MinNetT, double MinCapacityUsd);

/// <summary>Overfitting gates reported by Walkforward: Deflated Sharpe and Probability of Backtest Overfitting.</summary>
public sealed record WalkforwardGates(double MinDsr, double MaxPbo);

/// <summary>One gate's verdict on one candidate: the value measured, the threshold, and whether it passed.</summary>
public sealed record GateVerdict(string Gate, string Comparison, double Threshold, double Value, bool Passed)
{
    /// <summary>"q_value 0.012 ≤ 0.05: pass".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Gate} {Value:G4} {Comparison} {Threshold:G4}: {(Passed ? "pass" : "fail")}");

    /// <summary>A "value ≥ threshold" gate; NaN never passes.</summary>
    public static GateVerdict AtLeast(string gate, double threshold, double value) => new(gate, ">=", threshold, value, value >= threshold);

    /// <summary>A "value ≤ threshold" gate; NaN never passes.</summary>
    public static GateVerdict AtMost(string gate, double threshold, double value) => new(gate, "<=", threshold, value, value <= threshold);
}
