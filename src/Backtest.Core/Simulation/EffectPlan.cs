namespace Backtest.Core.Simulation;

/// <summary>
/// The planted effects of one symbol while it is simulated: fires them from the bar's triggers, records
/// every occurrence and spreads each occurrence's drift over the next bars through a difference array, so
/// planting stays O(bars + occurrences) however many effects overlap.
/// </summary>
internal sealed class EffectPlan
{
    private readonly PlantedEffect[] _effects;
    private readonly double[] _driftPerBar;
    private readonly int _barCount;
    private readonly double[]? _driftChange;
    private readonly int[]? _activeChange;
    private readonly List<PlantedOccurrence> _occurrences = [];
    private double _drift;
    private int _active;

    /// <summary>The effects of <paramref name="effects"/> that apply to <paramref name="symbol"/>, in declaration order.</summary>
    public EffectPlan(IReadOnlyList<PlantedEffect> effects, string symbol, int barCount)
    {
        var mine = new List<PlantedEffect>();
        foreach (var e in effects)
            if (e.AppliesTo(symbol)) mine.Add(e);
        _effects = [.. mine];
        _driftPerBar = new double[_effects.Length];
        for (var j = 0; j < _effects.Length; j++) _driftPerBar[j] = _effects[j].DriftBps * 1e-4 / _effects[j].HorizonBars;
        _barCount = barCount;
        foreach (var e in _effects) HasPeriodicEffects |= e.Trigger == EffectTrigger.Every;
        if (_effects.Length > 0)
        {
            _driftChange = new double[barCount + 1];
            _activeChange = new int[barCount + 1];
        }
    }

    /// <summary>True when at least one effect applies to this symbol.</summary>
    public bool HasEffects => _effects.Length > 0;

    /// <summary>True when an <see cref="EffectTrigger.Every"/> effect applies: it can fire on a bar where nothing else happened.</summary>
    public bool HasPeriodicEffects { get; }

    /// <summary>Every occurrence so far, in bar order then declaration order.</summary>
    public IReadOnlyList<PlantedOccurrence> Occurrences => _occurrences;

    /// <summary>The planted log drift of bar <paramref name="bar"/>; call once per bar, in order.</summary>
    public double DriftAt(int bar)
    {
        if (_driftChange is null) return 0;
        _drift += _driftChange[bar];
        _active += _activeChange![bar];
        if (_active == 0) _drift = 0; // no open window: drop float residue so the drift is exactly zero again
        return _drift;
    }

    /// <summary>Fires the effects whose trigger happened at bar <paramref name="bar"/> (whose close is <paramref name="ts"/>).</summary>
    public void Fire(int bar, long ts, int jumpSign, double fundingMax, double fundingMin, bool volumeSpike)
    {
        for (var j = 0; j < _effects.Length; j++)
        {
            var e = _effects[j];
            var fired = e.Trigger switch
            {
                EffectTrigger.JumpUp => jumpSign > 0,
                EffectTrigger.JumpDown => jumpSign < 0,
                EffectTrigger.FundingAbove => fundingMax > e.Threshold, // -∞ when the bar has no settlement
                EffectTrigger.FundingBelow => fundingMin < e.Threshold, // +∞ when the bar has no settlement
                EffectTrigger.VolumeSpike => volumeSpike,
                EffectTrigger.Every => bar % (long)e.Threshold == 0,
                _ => false,
            };
            if (!fired) continue;
            _occurrences.Add(new PlantedOccurrence(e.Id, bar, ts));
            var first = bar + 1;
            if (_driftPerBar[j] == 0 || first >= _barCount) continue;
            var end = Math.Min(first + e.HorizonBars, _barCount);
            _driftChange![first] += _driftPerBar[j];
            _driftChange[end] -= _driftPerBar[j];
            _activeChange![first]++;
            _activeChange[end]--;
        }
    }
}
