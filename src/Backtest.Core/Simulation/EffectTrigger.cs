namespace Backtest.Core.Simulation;

/// <summary>
/// What starts a planted effect: a piece of the simulator's own state, known exactly at the trigger bar's
/// close, so planting is causal and the truth is exact (no detector in between).
/// </summary>
public enum EffectTrigger
{
    /// <summary>An upward jump of the jump process at that bar ("jump_up").</summary>
    JumpUp,
    /// <summary>A downward jump of the jump process at that bar ("jump_down").</summary>
    JumpDown,
    /// <summary>A funding settlement in that bar whose rate is strictly above the threshold ("funding_above").</summary>
    FundingAbove,
    /// <summary>A funding settlement in that bar whose rate is strictly below the threshold ("funding_below").</summary>
    FundingBelow,
    /// <summary>The onset of a volume shock at that bar ("volume_spike").</summary>
    VolumeSpike,
    /// <summary>Every threshold-th bar (bar indices 0, N, 2N, …) for calibration ("every").</summary>
    Every,
}
