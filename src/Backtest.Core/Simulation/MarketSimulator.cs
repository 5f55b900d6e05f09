using System.Runtime.CompilerServices;
using Backtest.Core.Market;

namespace Backtest.Core.Simulation;

/// <summary>
/// The deterministic market behind <c>--source sim</c>: one symbol's USDT-margined perpetual (klines, funding,
/// open interest) from a seed, with known effects planted on request.
/// <para>
/// Model (per bar, all causal): log return r = σ·ε + J. σ = per-bar sigma × intraday clock × exp(market and
/// symbol slow log-vol) × √(GARCH factor); ε = ρ·(market shock) + √(1−ρ²)·(own shock), both N(0,1); J is a
/// market-wide or own jump of ≥ 7 local sigmas (power-law tail) with a fair-coin sign. Every term of r has mean
/// zero given the past, so the
/// LOG price is a martingale: the expected log return after any state the simulator has (a jump, a funding
/// extreme, a volume shock) is exactly zero, and the only predictable drift is what planted effects add.
/// Volume, open interest and funding are functions of the same states (see docs/simulator.md).
/// </para>
/// Planting never changes a random draw: with and without effects the triggers, quote volume, trades, funding
/// and open interest (contracts) are identical; only prices (and what is priced from them) move, by exactly
/// the planted drift.
/// </summary>
public static class MarketSimulator
{
    private const long HourMs = 3_600_000L;
    private const double TwoPowMinus32 = 1.0 / (1UL << 32);
    private const double TwoPowMinus31 = 1.0 / (1UL << 31);
    private const double TwoPowMinus16 = 1.0 / (1 << 16);
    private const double Sqrt12 = 3.4641016151377544;

    /// <summary>Simulates one symbol. Same settings → identical arrays; other symbols never change this one's path.</summary>
    // One long loop run once per call: compile it fully optimised at once instead of through tier-0 and OSR.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SimulatedMarket Simulate(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();

        var tf = settings.Timeframe;
        var n = settings.BarCount;
        var tfMs = tf.Milliseconds;
        var profile = SymbolProfile.For(settings.Symbol);
        var tick = profile.TickScale;
        var clock = IntradaySeasonality.VolatilityByBarOfDay(tf);
        var volumeClock = IntradaySeasonality.VolumeByBarOfDay(tf);
        var k = BarCoefficients.For(tf, profile, clock);
        var market = new Xoshiro256StarStar(SimulationSeed.ForMarket(settings.Seed));
        var own = new Xoshiro256StarStar(SimulationSeed.ForSymbol(settings.Seed, settings.Symbol));
        var plan = new EffectPlan(settings.Effects, settings.Symbol, n);

        // every element of these columns is written below: skip zeroing them
        var ts = GC.AllocateUninitializedArray<long>(n);
        var open = GC.AllocateUninitializedArray<double>(n);
        var high = GC.AllocateUninitializedArray<double>(n);
        var low = GC.AllocateUninitializedArray<double>(n);
        var close = GC.AllocateUninitializedArray<double>(n);
        var volume = GC.AllocateUninitializedArray<double>(n);
        var quoteVolume = GC.AllocateUninitializedArray<double>(n);
        var trades = GC.AllocateUninitializedArray<long>(n);
        var takerBuy = GC.AllocateUninitializedArray<double>(n);
        var openInterest = GC.AllocateUninitializedArray<double>(n);
        var openInterestValue = GC.AllocateUninitializedArray<double>(n);
        var settlementMs = SimulationModel.FundingIntervalHours * HourMs;
        var maxSettlements = (int)((long)n * tfMs / settlementMs) + 2;
        var fundingTs = new long[maxSettlements];
        var fundingRate = new double[maxSettlements];
        var settlements = 0;

        // Initial states drawn from their stationary laws (the market's from the market stream, so symbols agree).
        var marketSlow = SimulationModel.MarketSlowVolatilitySd * market.NextNormal();
        var symbolSlow = SimulationModel.SymbolSlowVolatilitySd * own.NextNormal();
        var activity = SimulationModel.ActivitySd * own.NextNormal();
        var oiOwn = SimulationModel.OpenInterestSd * own.NextNormal();
        var premium = own.NextNormal();
        var garch = 1.0;
        var spike = 0.0;
        var premiumSum = 0.0;
        var premiumCount = 0;

        var loading = profile.MarketLoading;
        var premiumLoading = SimulationModel.PremiumReturnLoading;
        var premiumNoiseLoading = Math.Sqrt(1 - premiumLoading * premiumLoading);
        var fundingAmplitude = SimulationModel.FundingAmplitude * profile.FundingScale;
        var quotePerBar = profile.DailyQuoteVolume * tf.Minutes / 1440.0;
        var oiContracts = profile.OpenInterestDays * profile.DailyQuoteVolume / profile.StartPrice;
        var oiNormaliser = PortableMath.Exp(-0.5 * SimulationModel.OpenInterestActivityLoading * SimulationModel.OpenInterestActivityLoading * SimulationModel.ActivitySd * SimulationModel.ActivitySd
                                            - 0.5 * SimulationModel.OpenInterestSd * SimulationModel.OpenInterestSd);

        var logPrice = PortableMath.Log(profile.StartPrice);
        var latentPrice = new SlowExponential(logPrice); // the price before tick rounding
        var slowScale = new SlowExponential(marketSlow + symbolSlow - k.SlowVariance);
        var activityScale = new SlowExponential(activity);
        var oiScale = new SlowExponential(SimulationModel.OpenInterestActivityLoading * activity + oiOwn);
        var previousClose = tick.Round(profile.StartPrice);
        var barsPerDay = clock.Length;
        var barOfDay = (int)(((settings.Start / tfMs) % barsPerDay + barsPerDay) % barsPerDay);
        var nextSettlement = FirstSettlementAfter(settings.Start, settlementMs);

        for (var i = 0; i < n; i++)
        {
            var closeTs = settings.Start + (i + 1) * tfMs;
            ts[i] = closeTs;
            var barFundingMax = double.NegativeInfinity;
            var barFundingMin = double.PositiveInfinity;

            // Settlements strictly inside the bar (only when the timeframe does not divide 8h) use the premium
            // known before the bar: the settlement happens before this bar's close.
            while (nextSettlement < closeTs)
            {
                var rate = Settle(ref premiumSum, ref premiumCount, premium, fundingAmplitude);
                fundingTs[settlements] = nextSettlement;
                fundingRate[settlements++] = rate;
                barFundingMax = Math.Max(barFundingMax, rate);
                barFundingMin = Math.Min(barFundingMin, rate);
                nextSettlement += settlementMs;
            }

            // --- market stream: same draws for every symbol of this base seed
            var marketShock = market.NextNormal();
            var marketBits = market.NextUInt64(); // bits 0-31 jump, 32-47 slow-vol innovation, 63 jump sign
            marketSlow = k.SlowPhi * marketSlow + k.MarketSlowInnovation * CenteredUniform(marketBits >> 32);
            var jumpSign = 0;
            var jumpSigmas = 0.0;
            if ((marketBits & 0xFFFF_FFFF) * TwoPowMinus32 < k.MarketJumpProbability)
            {
                jumpSign = (long)marketBits < 0 ? -1 : 1;
                jumpSigmas = JumpSigmas(market);
            }

            // --- symbol stream
            var ownShock = own.NextNormal();
            var slowBits = own.NextUInt64();  // four 16-bit innovations of the slow states
            var eventBits = own.NextUInt64(); // bits 0-31 own jump, 32-62 volume shock, 63 jump sign
            symbolSlow = k.SlowPhi * symbolSlow + k.SymbolSlowInnovation * CenteredUniform(slowBits);
            var activityNoise = CenteredUniform(slowBits >> 16);
            var oiNoise = CenteredUniform(slowBits >> 32);
            var premiumNoise = CenteredUniform(slowBits >> 48);
            if ((eventBits & 0xFFFF_FFFF) * TwoPowMinus32 < k.SymbolJumpProbability)
            {
                var sign = (long)eventBits < 0 ? -1 : 1;
                var sigmas = JumpSigmas(own);
                if (jumpSign == 0) { jumpSign = sign; jumpSigmas = sigmas; } // the market's jump wins a shared bar
            }
            var spikeOnset = ((eventBits >> 32) & 0x7FFF_FFFF) * TwoPowMinus31 < k.SpikeProbability;
            var spikeSize = spikeOnset ? SimulationModel.VolumeSpikeMin + SimulationModel.VolumeSpikeMeanExtra * own.NextExponential() : 0.0;
            var volumeNoise = own.NextNormal();
            var flowBits = own.NextUInt64();  // taker-share and trade-size noise, 32 bits each
            var takerNoise = CenteredUniform32(flowBits);
            var tradeNoise = CenteredUniform32(flowBits >> 32);
            var exact = barOfDay == 0; // resynchronise the slow exponentials once a day
            var highDraw = own.NextExponential();
            var lowDraw = own.NextExponential();

            // --- price: a martingale in log price, plus planted drift
            var slowLog = marketSlow + symbolSlow - k.SlowVariance;
            var garchScale = Math.Sqrt(garch);
            var level = k.SigmaBar * slowScale.MoveTo(slowLog, exact) * garchScale;
            var sigma = level * clock[barOfDay];
            var shock = loading * marketShock + k.IdiosyncraticLoading * ownShock; // N(0,1)
            var jump = jumpSign * jumpSigmas * level * Math.Max(clock[barOfDay], 1.0);
            var noiseReturn = sigma * shock + jump;
            var previousLog = logPrice;
            logPrice += noiseReturn + plan.DriftAt(i);

            var o = previousClose;
            var previousLatent = latentPrice.Value;
            var c = tick.Round(latentPrice.MoveTo(logPrice, exact));
            var x = logPrice - previousLog;
            var twoVar = 2 * sigma * sigma;
            // extremes of a Brownian bridge from 0 to x with the bar's diffusive variance, sampled exactly by
            // inverting P(max > m) = exp(−2m(m − x)/s²) with an Exp(1) draw E = −log U
            var up = 0.5 * (x + Math.Sqrt(x * x + twoVar * highDraw));
            var down = 0.5 * (x - Math.Sqrt(x * x + twoVar * lowDraw));
            var h = Math.Max(tick.Round(previousLatent * PortableMath.ExpNearZero(up)), Math.Max(o, c));
            var l = Math.Min(tick.Round(previousLatent * PortableMath.ExpNearZero(down)), Math.Min(o, c));
            open[i] = o;
            high[i] = h;
            low[i] = l;
            close[i] = c;
            previousClose = c;

            // --- volume: clock × volatility state × |shock| × activity × noise × shocks
            var z = noiseReturn / sigma;
            spike = spike * k.SpikeDecay + spikeSize;
            activity = k.ActivityPhi * activity + k.ActivityInnovation * activityNoise;
            // volume is proportional to the volatility state (slow regime × √GARCH), not to the clock twice
            var logVolume = SimulationModel.VolumeAbsShockLoading * (Math.Abs(shock) - k.MeanAbsShock)
                            + SimulationModel.VolumeNoiseSd * volumeNoise - k.VolumeNormaliser;
            var jumpVolume = jumpSign != 0 ? 1 + jumpSigmas / 3 : 1.0;
            var quote = quotePerBar * volumeClock[barOfDay] * slowScale.Value * garchScale * activityScale.MoveTo(activity, exact)
                        * PortableMath.Exp(logVolume) * (1 + spike) * jumpVolume;
            var vwap = 0.25 * (o + h + l + c);
            var baseVolume = quote / vwap;
            quoteVolume[i] = quote;
            volume[i] = baseVolume;
            var tradeSize = profile.TradeNotional * (1 + SimulationModel.TradeSizeNoiseSd * tradeNoise);
            var tradeCount = Math.Round(quote / tradeSize);
            trades[i] = tradeCount < 1 ? 1 : (long)tradeCount;
            // algebraic sigmoid a/√(1+a²): tanh's shape without an exp
            var slope = SimulationModel.TakerShockSlope * z;
            var takerShare = 0.5 + SimulationModel.TakerShareAmplitude * slope / Math.Sqrt(1 + slope * slope)
                             + SimulationModel.TakerShareNoiseSd * takerNoise;
            takerBuy[i] = baseVolume * Math.Clamp(takerShare, 0.02, 0.98);

            // --- open interest: participation plus its own slow drift, in contracts
            oiOwn = k.OpenInterestPhi * oiOwn + k.OpenInterestInnovation * oiNoise;
            var oi = oiContracts * oiNormaliser * oiScale.MoveTo(SimulationModel.OpenInterestActivityLoading * activity + oiOwn, exact);
            openInterest[i] = oi;
            openInterestValue[i] = oi * c;

            // --- premium behind funding: follows the price shocks, mean-reverts over a day
            premium = k.PremiumPhi * premium + k.PremiumInnovation * (premiumLoading * shock + premiumNoiseLoading * premiumNoise);
            premiumSum += premium;
            premiumCount++;
            if (nextSettlement == closeTs)
            {
                var rate = Settle(ref premiumSum, ref premiumCount, premium, fundingAmplitude);
                fundingTs[settlements] = nextSettlement;
                fundingRate[settlements++] = rate;
                barFundingMax = Math.Max(barFundingMax, rate);
                barFundingMin = Math.Min(barFundingMin, rate);
                nextSettlement += settlementMs;
            }

            // --- GARCH update for the next bar (a jump's contribution is capped)
            garch = k.GarchOmega + k.GarchAlpha * Math.Min(z * z, SimulationModel.GarchShockCap) + k.GarchBeta * garch;

            // most bars trigger nothing: only consult the plan when something happened
            if (plan.HasEffects && (jumpSign != 0 || spikeOnset || barFundingMax > double.NegativeInfinity || plan.HasPeriodicEffects))
                plan.Fire(i, closeTs, jumpSign, barFundingMax, barFundingMin, spikeOnset);

            if (++barOfDay == barsPerDay) barOfDay = 0;
        }

        var intervals = new double[settlements];
        Array.Fill(intervals, SimulationModel.FundingIntervalHours);
        return new SimulatedMarket(
            new KlineSeries(ts, open, high, low, close, volume, quoteVolume, trades, takerBuy),
            new FundingSeries(fundingTs.AsSpan(0, settlements).ToArray(), fundingRate.AsSpan(0, settlements).ToArray(), intervals),
            new OpenInterestSeries((long[])ts.Clone(), openInterest, openInterestValue),
            plan.Occurrences);
    }

    /// <summary>
    /// A unit-variance uniform innovation from the low 16 bits: the slow states (volatility regimes, activity,
    /// open interest, premium) sum hundreds of them, so their laws are Gaussian by the central limit theorem,
    /// and four innovations share one 64-bit draw.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CenteredUniform(ulong bits) => (((bits & 0xFFFF) + 0.5) * TwoPowMinus16 - 0.5) * Sqrt12;

    /// <summary>A unit-variance uniform from the low 32 bits (bounded noise on the taker share and trade size).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CenteredUniform32(ulong bits) => (((bits & 0xFFFF_FFFF) + 0.5) * TwoPowMinus32 - 0.5) * Sqrt12;

    /// <summary>A jump's size in local sigmas: at least the minimum plus a Student-t(4) magnitude (a power-law tail).</summary>
    private static double JumpSigmas(Xoshiro256StarStar rng) =>
        SimulationModel.JumpMinSigmas + SimulationModel.JumpMeanExtraSigmas * Math.Abs(rng.NextStudentT(SimulationModel.JumpTailDegreesOfFreedom));

    /// <summary>The first 00/08/16 UTC settlement strictly after <paramref name="start"/>.</summary>
    private static long FirstSettlementAfter(long start, long settlementMs)
    {
        var q = start / settlementMs;
        if (start < 0 && start % settlementMs != 0) q--; // floor for times before 1970
        return (q + 1) * settlementMs;
    }

    /// <summary>
    /// The funding rate for the premium averaged since the last settlement: interest + amplitude·(e^{b·p̄} − 1),
    /// capped and printed to 1e-8 like the exchange.
    /// </summary>
    private static double Settle(ref double premiumSum, ref int premiumCount, double premium, double amplitude)
    {
        var averagePremium = premiumCount > 0 ? premiumSum / premiumCount : premium;
        premiumSum = 0;
        premiumCount = 0;
        var rate = SimulationModel.FundingInterestRate + amplitude * (PortableMath.Exp(SimulationModel.FundingCurvature * averagePremium) - 1);
        rate = Math.Clamp(rate, -SimulationModel.FundingCap, SimulationModel.FundingCap);
        return Math.Round(rate * 1e8, MidpointRounding.ToEven) / 1e8;
    }
}
