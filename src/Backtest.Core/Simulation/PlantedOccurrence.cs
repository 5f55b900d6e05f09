namespace Backtest.Core.Simulation;

/// <summary>
/// One firing of a planted effect: the truth discovery is scored against. <see cref="BarIndex"/> is the
/// trigger bar (drift starts on the next bar); <see cref="Ts"/> is that bar's close (ms UTC).
/// </summary>
public sealed record PlantedOccurrence(string EffectId, int BarIndex, long Ts);
