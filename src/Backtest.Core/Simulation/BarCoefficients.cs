using Backtest.Core.Time;

namespace Backtest.Core.Simulation;

/// <summary>
/// <see cref="SimulationModel"/> converted to one timeframe and one symbol: AR(1) coefficients from
/// half-lives, event probabilities from yearly rates, and the diffusive per-bar sigma that makes the total
/// (diffusion + jumps) hit the symbol's annual volatility. Computed once per simulation, with portable math.
/// </summary>
internal sealed record BarCoefficients
{
    public required double SigmaBar { get; init; }
    public required double IdiosyncraticLoading { get; init; }
    public required double GarchOmega { get; init; }
    public required double GarchAlpha { get; init; }
    public required double GarchBeta { get; init; }
    public required double SlowPhi { get; init; }
    public required double MarketSlowInnovation { get; init; }
    public required double SymbolSlowInnovation { get; init; }
    public required double SlowVariance { get; init; }
    public required double MarketJumpProbability { get; init; }
    public required double SymbolJumpProbability { get; init; }
    public required double SpikeProbability { get; init; }
    public required double SpikeDecay { get; init; }
    public required double ActivityPhi { get; init; }
    public required double ActivityInnovation { get; init; }
    public required double OpenInterestPhi { get; init; }
    public required double OpenInterestInnovation { get; init; }
    public required double PremiumPhi { get; init; }
    public required double PremiumInnovation { get; init; }
    public required double VolumeNormaliser { get; init; }
    public required double MeanAbsShock { get; init; }

    /// <summary>Coefficients for <paramref name="timeframe"/> and <paramref name="profile"/>; <paramref name="volatilityClock"/> is the intraday sigma profile.</summary>
    public static BarCoefficients For(Timeframe timeframe, SymbolProfile profile, ReadOnlySpan<double> volatilityClock)
    {
        const double ln2 = 0.6931471805599453;
        double minutes = timeframe.Minutes;
        double Phi(double halfLifeMinutes) => PortableMath.Exp(-ln2 * minutes / halfLifeMinutes);
        double Innovation(double phi, double sd) => sd * Math.Sqrt(1 - phi * phi);
        double Probability(double perYear) => Math.Min(perYear / timeframe.BarsPerYear, SimulationModel.MaxEventProbabilityPerBar);

        var pMarket = Probability(SimulationModel.MarketJumpsPerYear);
        var pSymbol = Probability(SimulationModel.SymbolJumpsPerYear);
        var pJump = pMarket + pSymbol - pMarket * pSymbol; // a symbol jump is dropped when the market jumps the same bar

        var persistence = Phi(60 * SimulationModel.FastVolatilityHalfLifeHours);
        var alpha = Math.Min(Math.Min(SimulationModel.MaxGarchAlpha, SimulationModel.GarchAlphaShare * (1 - persistence)), 0.5 * persistence);
        var beta = persistence - alpha;
        // E[min(z², cap)] ≈ 1 between jumps and the cap at jumps: ω makes the GARCH factor average 1.
        var expectedCappedShock = (1 - pJump) + pJump * SimulationModel.GarchShockCap;
        var omega = Math.Max(1 - beta - alpha * expectedCappedShock, 0.1 * (1 - persistence));

        // jumps scale with max(clock, 1): their variance share uses the clock's mean of max(s,1)².
        double clockJumpFactor = 0;
        foreach (var s in volatilityClock) clockJumpFactor += Math.Max(s, 1) * Math.Max(s, 1);
        clockJumpFactor /= volatilityClock.Length;
        var k0 = SimulationModel.JumpMinSigmas;
        var k1 = SimulationModel.JumpMeanExtraSigmas;
        var jumpSquare = k0 * k0 + 2 * k0 * k1 + 2 * k1 * k1; // E[(k0 + k1·|t₄|)²]: E|t₄| = 1, E[t₄²] = 2
        var varianceFactor = 1 + pJump * jumpSquare * clockJumpFactor;
        var sigmaBar = profile.AnnualVolatility / Math.Sqrt(timeframe.BarsPerYear * varianceFactor);

        var slowPhi = Phi(60 * SimulationModel.SlowVolatilityHalfLifeHours);
        var activityPhi = Phi(60 * SimulationModel.ActivityHalfLifeHours);
        var oiPhi = Phi(60 * SimulationModel.OpenInterestHalfLifeHours);
        var premiumPhi = Phi(60 * SimulationModel.PremiumHalfLifeHours);
        var slowVariance = SimulationModel.MarketSlowVolatilitySd * SimulationModel.MarketSlowVolatilitySd
                           + SimulationModel.SymbolSlowVolatilitySd * SimulationModel.SymbolSlowVolatilitySd;

        const double meanAbsShock = 0.7978845608028654; // E|N(0,1)| = √(2/π)
        // Volume ∝ the volatility state (elasticity 1): half the log-variances are subtracted so the mean
        // multiplier is ~1 (lognormal mean correction); the slow state enters as x − Var(x), like sigma.
        var volumeNormaliser = 0.5 * (slowVariance + SimulationModel.ActivitySd * SimulationModel.ActivitySd
                                      + SimulationModel.VolumeNoiseSd * SimulationModel.VolumeNoiseSd
                                      + SimulationModel.VolumeAbsShockLoading * SimulationModel.VolumeAbsShockLoading * (1 - meanAbsShock * meanAbsShock))
                               - slowVariance;

        return new BarCoefficients
        {
            SigmaBar = sigmaBar,
            IdiosyncraticLoading = Math.Sqrt(1 - profile.MarketLoading * profile.MarketLoading),
            GarchOmega = omega,
            GarchAlpha = alpha,
            GarchBeta = beta,
            SlowPhi = slowPhi,
            MarketSlowInnovation = Innovation(slowPhi, SimulationModel.MarketSlowVolatilitySd),
            SymbolSlowInnovation = Innovation(slowPhi, SimulationModel.SymbolSlowVolatilitySd),
            SlowVariance = slowVariance,
            MarketJumpProbability = pMarket,
            SymbolJumpProbability = pSymbol,
            SpikeProbability = Probability(SimulationModel.VolumeSpikesPerYear),
            SpikeDecay = Phi(SimulationModel.VolumeSpikeHalfLifeMinutes),
            ActivityPhi = activityPhi,
            ActivityInnovation = Innovation(activityPhi, SimulationModel.ActivitySd),
            OpenInterestPhi = oiPhi,
            OpenInterestInnovation = Innovation(oiPhi, SimulationModel.OpenInterestSd),
            PremiumPhi = premiumPhi,
            PremiumInnovation = Math.Sqrt(1 - premiumPhi * premiumPhi),
            VolumeNormaliser = volumeNormaliser,
            MeanAbsShock = meanAbsShock,
        };
    }
}
