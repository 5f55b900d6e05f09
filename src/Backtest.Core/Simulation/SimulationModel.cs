namespace Backtest.Core.Simulation;

/// <summary>
/// The simulator's calibration in one place, in calendar units (hours, events per year) so every timeframe
/// gets the same market; <see cref="BarCoefficients"/> turns them into per-bar numbers. Targets come from
/// Binance USDT-M 5m data 2023–2025 (see docs/simulator.md): |r| autocorrelation 0.35 at lag 1 decaying over
/// days, ~380 bars a year with a return z-score above 4, funding median 1e-4 with ~90% of prints positive and
/// 8h autocorrelation ~0.8, BTC/ETH 5m correlation ~0.8.
/// </summary>
internal static class SimulationModel
{

    /// <summary>Half-life of the fast GARCH(1,1) volatility component: bursts that fade within hours.</summary>
    public const double FastVolatilityHalfLifeHours = 3;
    /// <summary>GARCH α is this many times (1 − persistence), capped by <see cref="MaxGarchAlpha"/>: the reaction to the last shock.</summary>
    public const double GarchAlphaShare = 4;
    /// <summary>Upper bound of GARCH α at coarse timeframes.</summary>
    public const double MaxGarchAlpha = 0.15;
    /// <summary>Cap on the squared standardised shock fed to GARCH, so a jump raises volatility (~1.5×) without exploding it.</summary>
    public const double GarchShockCap = 25;

    /// <summary>Half-life of the slow (regime) log-volatility components.</summary>
    public const double SlowVolatilityHalfLifeHours = 72;
    /// <summary>Stationary standard deviation of the market-wide slow log-volatility (shared by all symbols).</summary>
    public const double MarketSlowVolatilitySd = 0.45;
    /// <summary>Stationary standard deviation of the symbol's own slow log-volatility.</summary>
    public const double SymbolSlowVolatilitySd = 0.12;

    /// <summary>Market-wide jumps a year (both directions): every symbol jumps in the same direction at the same bar.</summary>
    public const double MarketJumpsPerYear = 400;
    /// <summary>Symbol-only jumps a year (both directions). Together ~300 a year in each direction.</summary>
    public const double SymbolJumpsPerYear = 200;
    /// <summary>Smallest jump, in local sigmas (the volatility state, never shrunk by the quiet hours).</summary>
    public const double JumpMinSigmas = 7;
    /// <summary>Scale of the excess over <see cref="JumpMinSigmas"/>: excess = this·|t₄|, mean this, mean square 2·this² (as this·Exp(1)).</summary>
    public const double JumpMeanExtraSigmas = 3;
    /// <summary>Degrees of freedom of the jump excess: a power-law tail (rare 20-40 sigma jumps) with a finite variance.</summary>
    public const double JumpTailDegreesOfFreedom = 4;
    /// <summary>Cap on any event's per-bar probability at coarse timeframes (jumps, volume shocks).</summary>
    public const double MaxEventProbabilityPerBar = 0.02;

    /// <summary>Volume shocks a year (onsets of a burst of volume unrelated to price direction).</summary>
    public const double VolumeSpikesPerYear = 300;
    /// <summary>Smallest volume shock: volume multiplied by 1 + this at the onset bar.</summary>
    public const double VolumeSpikeMin = 3;
    /// <summary>Mean of the exponential excess over <see cref="VolumeSpikeMin"/>.</summary>
    public const double VolumeSpikeMeanExtra = 4;
    /// <summary>Half-life of a volume shock's decay.</summary>
    public const double VolumeSpikeHalfLifeMinutes = 7;

    /// <summary>Loading of log volume on the bar's own |shock| (large moves trade more, in either direction).</summary>
    public const double VolumeAbsShockLoading = 0.35;
    /// <summary>Standard deviation of the bar's idiosyncratic log-volume noise.</summary>
    public const double VolumeNoiseSd = 0.25;
    /// <summary>Half-life of the participation (activity) factor shared by volume and open interest.</summary>
    public const double ActivityHalfLifeHours = 120;
    /// <summary>Stationary standard deviation of the log activity factor.</summary>
    public const double ActivitySd = 0.3;

    /// <summary>Loading of log open interest on the activity factor: OI and volume rise together.</summary>
    public const double OpenInterestActivityLoading = 0.8;
    /// <summary>Half-life of open interest's own log component.</summary>
    public const double OpenInterestHalfLifeHours = 72;
    /// <summary>Stationary standard deviation of open interest's own log component.</summary>
    public const double OpenInterestSd = 0.15;

    /// <summary>Funding rate at a zero premium: Binance's interest component, 0.01% per 8h.</summary>
    public const double FundingInterestRate = 1e-4;
    /// <summary>Funding dispersion: rate = interest + scale·amplitude·(exp(curvature·premium) − 1), premium ~ N(0,1).</summary>
    public const double FundingAmplitude = 2.1e-4;
    /// <summary>Curvature of the funding map: a long right tail (crowded longs), a short left one.</summary>
    public const double FundingCurvature = 0.5;
    /// <summary>Funding cap (Binance's ±0.3% for majors).</summary>
    public const double FundingCap = 0.003;
    /// <summary>Half-life of the premium process behind funding (8h autocorrelation ~0.8).</summary>
    public const double PremiumHalfLifeHours = 24;
    /// <summary>Correlation of each premium innovation with the bar's price shock: funding follows recent returns.</summary>
    public const double PremiumReturnLoading = 0.7;
    /// <summary>Settlement interval (00/08/16 UTC).</summary>
    public const int FundingIntervalHours = 8;

    /// <summary>Taker-buy share = 0.5 + this·s(<see cref="TakerShockSlope"/>·z) + noise with s(a) = a/√(1+a²): buyers lift the offer on up bars.</summary>
    public const double TakerShareAmplitude = 0.2;
    /// <summary>Slope of the taker-buy share in the bar's standardised return.</summary>
    public const double TakerShockSlope = 0.7;
    /// <summary>Standard deviation of the taker-buy share noise (uniform).</summary>
    public const double TakerShareNoiseSd = 0.03;
    /// <summary>Relative noise of the average trade size: 1 + this·u with u a unit-variance uniform (sets the trade count).</summary>
    public const double TradeSizeNoiseSd = 0.15;
}
