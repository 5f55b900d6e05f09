namespace Backtest.Core.Simulation;

/// <summary>
/// exp(x) of a state that moves by small steps each bar (the volatility regime, participation, the latent
/// price): updated multiplicatively with <see cref="PortableMath.ExpNearZero"/> and recomputed exactly with
/// <see cref="PortableMath.Exp"/> once a simulated day, so per-bar cost is a short polynomial and the rounding
/// drift stays below ~1e-14 relative. Deterministic either way.
/// </summary>
internal struct SlowExponential
{
    private double _log;

    /// <summary>exp of the last value set.</summary>
    public double Value { get; private set; }

    /// <summary>Starts at exp(<paramref name="log"/>), computed exactly.</summary>
    public SlowExponential(double log)
    {
        _log = log;
        Value = PortableMath.Exp(log);
    }

    /// <summary>Moves to exp(<paramref name="log"/>); <paramref name="exact"/> recomputes it from scratch.</summary>
    public double MoveTo(double log, bool exact)
    {
        Value = exact ? PortableMath.Exp(log) : Value * PortableMath.ExpNearZero(log - _log);
        _log = log;
        return Value;
    }
}
