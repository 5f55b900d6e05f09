using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Backtest.Core.Simulation;

/// <summary>
/// The scale of one simulated instrument, a function of its name only (never of the seed), so BTCUSDT looks
/// like BTC (price ~42k, ~50% annual volatility, deep volume) in every run. Well-known base assets have
/// hand-set values; any other symbol gets plausible ones from SHA-256 of "profile|SYMBOL".
/// </summary>
/// <param name="StartPrice">Price of the first bar's open.</param>
/// <param name="AnnualVolatility">Target annualised volatility of log returns (diffusion and jumps together).</param>
/// <param name="MarketLoading">Correlation of the symbol's diffusive shock with the market factor (0..1).</param>
/// <param name="DailyQuoteVolume">Average traded notional per day, in quote currency (USDT).</param>
/// <param name="TradeNotional">Average notional of one trade (sets the trade count).</param>
/// <param name="OpenInterestDays">Average open interest notional as a multiple of the daily quote volume.</param>
/// <param name="FundingScale">Multiplier on the funding rate's dispersion (alts swing more than BTC).</param>
public sealed record SymbolProfile(
    double StartPrice,
    double AnnualVolatility,
    double MarketLoading,
    double DailyQuoteVolume,
    double TradeNotional,
    double OpenInterestDays,
    double FundingScale)
{
    /// <summary>Price tick: six significant digits at the start price (BTC 42,000 → 0.1, ETH 2,200 → 0.01).</summary>
    public double Tick => TickScale.Tick;

    /// <summary>The tick as an exact decimal scale, used to round prices to the grid.</summary>
    internal TickScale TickScale => TickScale.ForPrice(StartPrice);

    /// <summary>The profile of <paramref name="symbol"/>: hand-set for well-known base assets, hashed otherwise.</summary>
    public static SymbolProfile For(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var upper = symbol.ToUpperInvariant();
        var baseAsset = StripQuote(upper);
        return baseAsset switch
        {
            "BTC" => new(42_000, 0.50, 0.93, 15e9, 10_000, 0.6, 1.0),
            "ETH" => new(2_200, 0.60, 0.90, 8e9, 6_000, 0.6, 1.05),
            "SOL" => new(100, 0.85, 0.80, 2.5e9, 3_000, 0.5, 1.4),
            "BNB" => new(300, 0.55, 0.70, 0.6e9, 2_000, 0.8, 1.2),
            "XRP" => new(0.55, 0.75, 0.75, 1.5e9, 1_500, 0.7, 1.3),
            "LTC" => new(75, 0.70, 0.78, 0.5e9, 1_500, 0.7, 1.15),
            "DOGE" => new(0.08, 0.90, 0.75, 1.0e9, 1_200, 0.7, 1.4),
            "ADA" => new(0.45, 0.80, 0.75, 0.4e9, 1_000, 0.8, 1.3),
            _ => Hashed(upper),
        };
    }

    private static string StripQuote(string symbol)
    {
        foreach (var quote in (ReadOnlySpan<string>)["USDT", "USDC", "BUSD", "USD"])
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
                return symbol[..^quote.Length];
        return symbol;
    }

    private static SymbolProfile Hashed(string symbol)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("profile|" + symbol));
        double U(int word) => (BinaryPrimitives.ReadUInt64LittleEndian(hash.AsSpan(8 * word)) >> 11) * (1.0 / (1UL << 53));
        var u0 = U(0);
        var u1 = U(1);
        var u2 = U(2);
        var u3 = U(3);
        return new SymbolProfile(
            StartPrice: PortableMath.Pow(10, -2 + 4 * u0),                              // 0.01 … 100
            AnnualVolatility: 0.6 + 0.5 * u1,                                          // 60% … 110%
            MarketLoading: 0.55 + 0.3 * u2,                                            // 0.55 … 0.85
            DailyQuoteVolume: PortableMath.Pow(10, 7.5 + 1.5 * u3),                     // $30M … $1B a day
            TradeNotional: 800,
            OpenInterestDays: 0.8,
            FundingScale: 1.0 + 0.5 * u1);                                             // riskier coins swing more
    }
}
