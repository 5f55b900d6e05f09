using Backtest.Core.Simulation;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Simulation;

/// <summary>Symbols get stable, plausible scales; the intraday clock keeps its normalisation at every timeframe.</summary>
public sealed class SymbolProfileTests
{
    [Fact]
    public void Known_base_assets_share_a_profile_whatever_the_quote()
    {
        Assert.Equal(SymbolProfile.For("BTCUSDT"), SymbolProfile.For("BTCUSDC"));
        Assert.Equal(SymbolProfile.For("BTCUSDT"), SymbolProfile.For("btcusdt"));
        Assert.Equal(42_000, SymbolProfile.For("BTCUSDT").StartPrice);
        Assert.NotEqual(SymbolProfile.For("BTCUSDT"), SymbolProfile.For("ETHUSDT"));
    }

    [Theory]
    [InlineData("PEPEUSDT")]
    [InlineData("1000SHIBUSDT")]
    [InlineData("WIFUSDT")]
    [InlineData("X")]
    public void Unknown_symbols_get_stable_plausible_profiles(string symbol)
    {
        var p = SymbolProfile.For(symbol);
        Assert.Equal(p, SymbolProfile.For(symbol));
        Assert.InRange(p.StartPrice, 0.01, 100);
        Assert.InRange(p.AnnualVolatility, 0.6, 1.1);
        Assert.InRange(p.MarketLoading, 0.55, 0.85);
        Assert.InRange(p.DailyQuoteVolume, 3e7, 1e9);
        Assert.True(p.Tick > 0 && p.Tick <= p.StartPrice * 1e-5 && p.Tick > p.StartPrice * 1e-6 * 0.999);
    }

    [Fact]
    public void Unknown_symbols_spread_over_the_ranges()
    {
        var profiles = Enumerable.Range(0, 200).Select(i => SymbolProfile.For($"COIN{i}USDT")).ToArray();
        Assert.True(profiles.Min(p => p.StartPrice) < 0.05 && profiles.Max(p => p.StartPrice) > 20);
        Assert.True(profiles.Select(p => p.AnnualVolatility).Distinct().Count() == profiles.Length);
    }

    [Theory]
    [InlineData("1m")]
    [InlineData("5m")]
    [InlineData("15m")]
    [InlineData("1h")]
    [InlineData("4h")]
    [InlineData("12h")]
    [InlineData("1d")]
    public void The_intraday_clock_averages_to_one(string timeframe)
    {
        var tf = Timeframe.Parse(timeframe);
        var volume = IntradaySeasonality.VolumeByBarOfDay(tf);
        var sigma = IntradaySeasonality.VolatilityByBarOfDay(tf);
        Assert.Equal(Math.Max(1, tf.BarsPerDay), volume.Length);
        Assert.Equal(1.0, volume.Average(), 12);
        Assert.Equal(1.0, sigma.Average(s => s * s), 12);
        Assert.All(volume, v => Assert.InRange(v, 0.5, 2.2));
    }
}
