using System.Security.Cryptography;
using System.Text;
using Backtest.Stages.Reporting;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>Report models for the renderer tests: a small fixed one (snapshot), a realistic one (browser check) and edge cases.</summary>
internal static class ReportFixtures
{
    private const long Day = 86_400_000;
    private static readonly long Jan2024 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>A hex SHA-256 of <paramref name="name"/>: a stable, realistic-looking digest.</summary>
    public static string Digest(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    /// <summary>Five equity points, two folds, one blueprint: small enough to read in a snapshot.</summary>
    public static ReportModel Small(bool synthetic = true) => new(
        Title: "Walk-forward report: BTCUSDT vol_shock",
        RunId: "wf-small-0001",
        Symbols: ["BTCUSDT"],
        Source: synthetic ? "sim" : "binance",
        Synthetic: synthetic,
        Timeframe: "5m",
        PeriodFrom: "2024-01-01 00:00 UTC",
        PeriodTo: "2024-01-05 00:00 UTC",
        Equity: new ReportSeries(
            [Jan2024, Jan2024 + Day, Jan2024 + 2 * Day, Jan2024 + 3 * Day, Jan2024 + 4 * Day],
            [100_000, 101_250.5, 99_800, 102_400.25, 103_000],
            [100_000, 99_500, 98_000, 100_500, 101_000],
            [0, 0, -0.014327, 0, 0]),
        Folds:
        [
            new FoldRow("F1", "2023-07-01", "2023-12-31", "2024-01-01", "2024-01-03", 1, 4, 0.0125, 1.84, 0.92),
            new FoldRow("F2", "2023-07-03", "2024-01-02", "2024-01-03", "2024-01-05", 1, 3, -0.0041, 1.2, double.NaN),
        ],
        Metrics:
        [
            new MetricRow("Net return", "+3.00%", "Final over initial equity, minus one, after all costs."),
            new MetricRow("Sharpe (daily, annualised)", "1.37", "Mean over standard deviation of daily P&L, times sqrt(365)."),
        ],
        Gates:
        [
            new GateRow("dsr", ">=", 0.95, 0.971234, true),
            new GateRow("pbo", "<=", 0.5, 0.62, false),
        ],
        Costs: new CostBreakdown(3_800, -520.4, -180.1, -75.5, -24, 0, 3_000),
        Blueprints:
        [
            new BlueprintRow("F1", "bp_vol_shock_long_h48", "BTCUSDT", "vol_shock and rv_1h_z > 3", "long", 48,
                "BTCUSDT|vol_shock|48|long", "2023-07-01..2023-12-31", 4, 1_250.5, Digest("costs.yaml")),
        ],
        Funnel:
        [
            new FunnelRow("planned", 40, "from 4 templates"),
            new FunnelRow("tested", 36, "4 lacked events"),
            new FunnelRow("passed gates", 3, "BY q <= 0.05"),
            new FunnelRow("passed bridge", 2, "net of costs"),
            new FunnelRow("traded", 1, ""),
        ],
        Digests:
        [
            new DigestRow("spec", "spec/gates.yaml", Digest("spec/gates.yaml")),
            new DigestRow("cost", "cost digest", Digest("costs.yaml")),
        ],
        Notes: ["Fold F2 has fewer than 30 daily returns: its Sharpe is n/a.", "Costs | fees are *taker* on both legs."]);

    /// <summary>
    /// A realistic run: 400 equity points (12-hour steps over 200 days), six folds, every cost component,
    /// three blueprints, gates with a failure, a full funnel and digests. Deterministic (no RNG).
    /// </summary>
    public static ReportModel Realistic(bool synthetic = true)
    {
        const int n = 400;
        const long step = Day / 2;
        var ts = new long[n];
        var equity = new double[n];
        var hold = new double[n];
        var drawdown = new double[n];
        double e = 100_000, h = 100_000, peak = e;
        ulong state = 0x9E3779B97F4A7C15;
        for (var i = 0; i < n; i++)
        {
            ts[i] = Jan2024 + 30 * Day + i * step;
            if (i > 0)
            {
                e *= 1 + 0.0008 + 0.006 * Shock(ref state);
                h *= 1 + 0.0002 + 0.012 * Shock(ref state);
            }
            equity[i] = e;
            hold[i] = h;
            peak = Math.Max(peak, e);
            drawdown[i] = e / peak - 1;
        }
        var folds = new List<FoldRow>();
        double[] oos = [0.031, -0.012, 0.045, 0.008, -0.021, 0.017];
        for (var f = 0; f < 6; f++)
        {
            var testFrom = Jan2024 + 30 * Day + f * 33 * Day;
            folds.Add(new FoldRow($"F{f + 1}", Date(testFrom - 180 * Day), Date(testFrom - 2 * Day), Date(testFrom), Date(testFrom + 33 * Day),
                f % 3 + 1, 11 + 7 * f, oos[f], 1.2 + 0.1 * f, oos[f] * 40));
        }
        var costs = new CostBreakdown(18_234.5, -2_310.2, -812.4, -455.9, 301.7, 0, 18_234.5 - 2_310.2 - 812.4 - 455.9 + 301.7);
        return new ReportModel(
            Title: "Walk-forward report: BTCUSDT ETHUSDT",
            RunId: "wf-2024-realistic",
            Symbols: ["BTCUSDT", "ETHUSDT"],
            Source: synthetic ? "sim" : "binance",
            Synthetic: synthetic,
            Timeframe: "5m",
            PeriodFrom: Date(ts[0]),
            PeriodTo: Date(ts[^1]),
            Equity: new ReportSeries(ts, equity, hold, drawdown),
            Folds: folds,
            Metrics:
            [
                new MetricRow("Net return", "+18.40%", "Final over initial equity, minus one, after every cost."),
                new MetricRow("Sharpe (daily, annualised)", "1.62", "Mean over standard deviation of daily P&L, times sqrt(365)."),
                new MetricRow("Sharpe (per bar)", "0.0051", "Diagnostic only: bar-level Sharpe, not annualised."),
                new MetricRow("Max drawdown", "-7.85%", "Largest fall of equity below its running peak."),
                new MetricRow("Trades", "171", "Round trips opened and closed out of sample."),
                new MetricRow("Deflated Sharpe", "0.962", "Probability the true Sharpe exceeds the best of N null trials (N = 412)."),
                new MetricRow("PBO", "0.31", "Probability of backtest overfitting (CSCV, S = 16)."),
                new MetricRow("Turnover", "3.1x / month", "Traded notional over mean equity."),
            ],
            Gates:
            [
                new GateRow("min_dsr", ">=", 0.95, 0.962, true),
                new GateRow("max_pbo", "<=", 0.5, 0.31, true),
                new GateRow("min_trades", ">=", 100, 171, true),
                new GateRow("min_oos_sharpe", ">=", 1.0, 0.84, false),
            ],
            Costs: costs,
            Blueprints:
            [
                new BlueprintRow("F1", "bp_btc_vol_shock_long_h48", "BTCUSDT", "vol_shock and rv_1h_z > 3", "long", 48,
                    "BTCUSDT|vol_shock|48|long", "W2023-08-01..2024-01-29", 23, 4_120.75, Digest("costs.yaml")),
                new BlueprintRow("F3", "bp_eth_funding_extreme_short_h288", "ETHUSDT", "funding_extreme and oi_z > 2", "short", 288,
                    "ETHUSDT|funding_extreme|288|short", "W2023-10-05..2024-04-02", 41, 9_870.10, Digest("costs.yaml")),
                new BlueprintRow("F5", "bp_btc_breakout_long_h96", "BTCUSDT", "range_breakout", "long", 96,
                    "BTCUSDT|range_breakout|96|long", "W2023-12-10..2024-06-07", 18, -1_402.35, Digest("costs.yaml")),
            ],
            Funnel:
            [
                new FunnelRow("planned", 412, "templates x symbols x horizons"),
                new FunnelRow("tested", 398, "14 lacked enough events"),
                new FunnelRow("passed gates", 21, "BY q <= 0.05, ESS >= 30"),
                new FunnelRow("passed bridge", 9, "net edge >= 2 bps after costs"),
                new FunnelRow("traded", 3, "one blueprint per fold at most"),
            ],
            Digests:
            [
                new DigestRow("spec", "spec/gates.yaml", Digest("spec/gates.yaml")),
                new DigestRow("spec", "spec/costs.yaml", Digest("spec/costs.yaml")),
                new DigestRow("spec", "spec/walkforward.yaml", Digest("spec/walkforward.yaml")),
                new DigestRow("spec", "spec/events/vol_shock.yaml", Digest("spec/events/vol_shock.yaml")),
                new DigestRow("data", "cleaned/perp/BTCUSDT/5m/bars.parquet", Digest("btc bars")),
                new DigestRow("data", "cleaned/perp/ETHUSDT/5m/bars.parquet", Digest("eth bars")),
                new DigestRow("cost", "cost digest", Digest("costs.yaml")),
                new DigestRow("code", "Backtest.Stages", Digest("code")),
            ],
            Notes:
            [
                "Gate min_oos_sharpe failed: the out-of-sample Sharpe of the stitched curve is 0.84.",
                "Fold F5 traded a blueprint that lost money out of sample; it is kept in the stitched curve.",
            ]);
    }

    /// <summary>A model with no out-of-sample equity, no folds, no trades and no costs.</summary>
    public static ReportModel Empty() => Small() with
    {
        Equity = new ReportSeries([], [], [], []),
        Folds = [],
        Blueprints = [],
        Costs = new CostBreakdown(0, 0, 0, 0, 0, 0, 0),
    };

    /// <summary>The realistic model with <paramref name="points"/> points, each series transformed.</summary>
    public static ReportModel WithSeries(ReportModel m, long[] ts, double[] equity, double[] hold, double[] drawdown) =>
        m with { Equity = new ReportSeries(ts, equity, hold, drawdown) };

    /// <summary>Evenly spaced daily timestamps from 2024-01-01.</summary>
    public static long[] Days(int n)
    {
        var ts = new long[n];
        for (var i = 0; i < n; i++) ts[i] = Jan2024 + i * Day;
        return ts;
    }

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A deterministic, roughly normal shock in about [-1.7, 1.7] (xorshift64*, sum of four uniforms).</summary>
    private static double Shock(ref ulong state)
    {
        var sum = 0.0;
        for (var k = 0; k < 4; k++)
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            sum += ((state * 2685821657736338717UL) >> 11) * (1.0 / (1UL << 53));
        }
        return (sum - 2) * 1.7320508;
    }
}
