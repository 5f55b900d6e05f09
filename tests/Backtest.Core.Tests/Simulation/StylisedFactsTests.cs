using System.Globalization;
using Backtest.Core.Simulation;
using Backtest.Core.Time;
using static Backtest.Core.Tests.Simulation.MarketStatistics;

namespace Backtest.Core.Tests.Simulation;

/// <summary>
/// The simulated market must look like a real crypto perpetual on the facts researchers check first
/// (two years of 5m bars, two seeds, so no tolerance is tuned to one lucky path). Real-data reference
/// figures (Binance USDT-M 5m, 2023-01 … 2025-03) are quoted beside each bound.
/// </summary>
public sealed class StylisedFactsTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Absolute_returns_cluster_while_returns_do_not_autocorrelate(ulong seed)
    {
        var r = LogReturns(SimulationRuns.FiveMinute(seed, "BTCUSDT").Klines.Close);
        var abs = Abs(r);
        // real BTC: ACF(|r|) 0.35 / 0.21 / 0.14 / 0.12 / 0.03 at lags 1 / 12 / 48 / 288 / 1000
        foreach (var lag in new[] { 1, 6, 12, 48, 144, 288, 576 })
            Assert.True(Autocorrelation(abs, lag) > 0.03, $"ACF(|r|, {lag}) = {Autocorrelation(abs, lag):F4}");
        Assert.True(Autocorrelation(abs, 1000) > 0.01, $"ACF(|r|, 1000) = {Autocorrelation(abs, 1000):F4}");
        Assert.True(Autocorrelation(abs, 1) > 0.12, $"ACF(|r|, 1) = {Autocorrelation(abs, 1):F4}");
        // returns themselves: no linear predictability (real: -0.03 at lag 1 from bid-ask bounce, which we do not model)
        foreach (var lag in new[] { 1, 2, 3, 5, 12, 288 })
            Assert.True(Math.Abs(Autocorrelation(r, lag)) < 0.02, $"ACF(r, {lag}) = {Autocorrelation(r, lag):F4}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Five_minute_returns_are_fat_tailed(ulong seed)
    {
        var r = LogReturns(SimulationRuns.FiveMinute(seed, "BTCUSDT").Klines.Close);
        var k = ExcessKurtosis(r);
        Assert.True(k > 10, $"excess kurtosis {k:F1} (real BTC 5m: 138)");
    }

    public static IEnumerable<object[]> Symbols() =>
        ReadCsv("symbols.csv").SelectMany(row => new[] { 1UL, 2UL }.Select(seed => new object[]
        {
            row["symbol"], seed, D(row["start_price_min"]), D(row["start_price_max"]), D(row["tick"]), D(row["ann_vol_min"]), D(row["ann_vol_max"]),
        }));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Symbols))]
    public void Price_level_tick_and_annualised_volatility_are_plausible(
        string symbol, ulong seed, double priceMin, double priceMax, double tick, double volMin, double volMax)
    {
        var market = SimulationRuns.FiveMinute(seed, symbol);
        Assert.InRange(market.Klines.Open[0], priceMin, priceMax);
        Assert.Equal(tick, SymbolProfile.For(symbol).Tick);
        var annualised = StandardDeviation(LogReturns(market.Klines.Close)) * Math.Sqrt(Timeframe.Parse("5m").BarsPerYear);
        Assert.InRange(annualised, volMin, volMax);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Symbols_are_correlated_like_crypto(ulong seed)
    {
        var btc = LogReturns(SimulationRuns.FiveMinute(seed, "BTCUSDT").Klines.Close);
        var eth = LogReturns(SimulationRuns.FiveMinute(seed, "ETHUSDT").Klines.Close);
        var sol = LogReturns(SimulationRuns.FiveMinute(seed, "SOLUSDT").Klines.Close);
        Assert.InRange(Correlation(btc, eth), 0.68, 0.85);  // brief: ~0.7-0.8; real 2023-24: 0.86
        Assert.InRange(Correlation(btc, sol), 0.55, 0.85);
        // another seed's market factor is independent
        var other = LogReturns(SimulationRuns.FiveMinute(seed + 100, "ETHUSDT", 60).Klines.Close);
        Assert.InRange(Correlation(btc.AsSpan(0, other.Length), other), -0.03, 0.03);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Volume_has_an_intraday_profile_peaking_at_the_US_open_and_follows_volatility(ulong seed)
    {
        var k = SimulationRuns.FiveMinute(seed, "BTCUSDT").Klines;
        var byHour = new double[24];
        var count = new int[24];
        for (var i = 0; i < k.Count; i++)
        {
            var hour = (int)((k.Ts[i] - 300_000) / 3_600_000 % 24);
            byHour[hour] += k.QuoteVolume![i];
            count[hour]++;
        }
        for (var h = 0; h < 24; h++) byHour[h] /= count[h];
        var peak = Array.IndexOf(byHour, byHour.Max());
        var trough = Array.IndexOf(byHour, byHour.Min());
        Assert.InRange(peak, 13, 16);   // real: 14 UTC
        Assert.InRange(trough, 2, 7);   // real: 04-05 UTC
        Assert.True(byHour[peak] / byHour[trough] > 2, $"peak/trough {byHour[peak] / byHour[trough]:F2} (real 3.2)");

        var r = LogReturns(k.Close);
        var qv = k.QuoteVolume!.AsSpan(1);
        Assert.True(Correlation(Abs(r), qv) > 0.3, $"corr(|r|, quote volume) = {Correlation(Abs(r), qv):F3} (real 0.69)");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Funding_is_mostly_small_and_positive_persistent_and_follows_recent_returns(ulong seed)
    {
        var market = SimulationRuns.FiveMinute(seed, "BTCUSDT");
        var f = market.Funding;
        var median = Median(f.Rate);
        Assert.InRange(median, 0.5e-4, 1.5e-4);                 // real BTC: 0.98e-4
        var positive = f.Rate.Count(x => x > 0) / (double)f.Count;
        Assert.InRange(positive, 0.75, 0.98);                   // real BTC: 0.90
        Assert.All(f.Rate, x => Assert.InRange(x, -0.003, 0.003));
        Assert.InRange(Autocorrelation(f.Rate, 1), 0.6, 0.95);  // real BTC: 0.81 (8h apart)

        // co-movement: the rate against the log return of the 8h it covers
        var lc = market.Klines.Close.Select(c => Math.Log(c)).ToArray();
        var rates = new List<double>();
        var trailing = new List<double>();
        for (var j = 0; j < f.Count; j++)
        {
            var bar = Array.BinarySearch(market.Klines.Ts, f.Ts[j]);
            Assert.True(bar >= 0, "every settlement is a bar close at 5m");
            if (bar < 96) continue;
            rates.Add(f.Rate[j]);
            trailing.Add(lc[bar] - lc[bar - 96]);
        }
        var c = Correlation(rates.ToArray(), trailing.ToArray());
        Assert.True(c > 0.05, $"corr(funding, trailing 8h return) = {c:F3}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Open_interest_is_positive_persistent_and_moves_with_volume(ulong seed)
    {
        var market = SimulationRuns.FiveMinute(seed, "BTCUSDT");
        var oi = market.OpenInterest.OpenInterest;
        Assert.All(oi, x => Assert.True(x > 0));
        Assert.True(Autocorrelation(oi, 288) > 0.7, $"ACF(OI, 1 day) = {Autocorrelation(oi, 288):F3}");
        var days = oi.Length / 288;
        var dailyOi = new double[days];
        var dailyVolume = new double[days];
        for (var d = 0; d < days; d++)
        {
            for (var i = d * 288; i < (d + 1) * 288; i++)
            {
                dailyOi[d] += oi[i] / 288;
                dailyVolume[d] += market.Klines.Volume[i];
            }
            dailyOi[d] = Math.Log(dailyOi[d]);
            dailyVolume[d] = Math.Log(dailyVolume[d]);
        }
        Assert.True(Correlation(dailyOi, dailyVolume) > 0.2, $"corr(log daily OI, log daily volume) = {Correlation(dailyOi, dailyVolume):F3}");
        var value = market.OpenInterest.OpenInterestValue.Average();
        Assert.InRange(value, 3e9, 20e9); // BTC perp OI on Binance: $5-10B in 2023-24
    }

    [Fact]
    public void Unconditional_log_drift_is_zero_across_seeds()
    {
        // 40 seeds × 30 days; the log price is a martingale, so the mean total log return is 0 ± sampling error
        var totals = new double[40];
        for (var s = 0; s < totals.Length; s++)
        {
            var close = SimulationRuns.FiveMinute(1000 + (ulong)s, "BTCUSDT", 30).Klines.Close;
            totals[s] = Math.Log(close[^1] / 42_000.0);
        }
        var z = Mean(totals) / (StandardDeviation(totals) / Math.Sqrt(totals.Length));
        Assert.True(Math.Abs(z) < 4, $"mean 30-day log return {Mean(totals):F4}, z = {z:F2}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Jumps_are_about_300_a_year_each_way_and_a_return_z_score_above_4_finds_them(ulong seed)
    {
        var market = SimulationRuns.FiveMinute(seed, "BTCUSDT");
        var r = LogReturns(market.Klines.Close); // r[i-1] is bar i's return
        var years = market.Klines.Count / Timeframe.Parse("5m").BarsPerYear;
        foreach (var (id, sign) in new[] { ("mark_jump_up", 1), ("mark_jump_down", -1) })
        {
            var bars = SimulationRuns.Bars(market, id);
            Assert.InRange(bars.Length / years, 220, 380);
            // z = return / RMS of the previous day's returns (a causal ret_1_z with a 1-day window)
            int found = 0, tested = 0;
            foreach (var b in bars)
            {
                if (b < 289) continue;
                double ss = 0;
                for (var j = b - 289; j < b - 1; j++) ss += r[j] * r[j];
                var z = r[b - 1] / Math.Sqrt(ss / 288);
                tested++;
                if (sign * z > 4) found++;
            }
            Assert.True(found >= 0.85 * tested, $"{id}: z-score beyond 4 at {found} of {tested} jumps");
        }
    }
}
