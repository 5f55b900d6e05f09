using System.Globalization;
using Backtest.Core.Bars;
using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Core.Cleaning;

/// <summary>
/// Turns raw candles, funding prints and open-interest snapshots into a complete, aligned bar grid.
/// The rules are fixed and reported (see <see cref="Rules"/>) so a researcher can audit what changed.
/// </summary>
public static class BarCleaner
{
    /// <summary>The documented rules, copied into every clean report.</summary>
    public static readonly IReadOnlyList<string> Rules =
    [
        "grid: every bar close (ts) is a multiple of the timeframe; a raw ts off the grid is an error",
        "duplicates: several raw rows with one ts keep the copy with the highest volume (a copy captured before the candle closed has less); ties keep the later row",
        "gaps: a missing bar is filled with open = high = low = close = the previous close, volume 0, quote volume 0, is_filled = true",
        "quote volume: volume x close where the source has none",
        "outliers: flagged, never altered: OHLC inconsistent (high < max(open, close), low > min(open, close)), a non-positive price, negative volume, or |log return| above the threshold times a trailing EWMA volatility of earlier bars",
        "funding: a settlement at time s is placed on the bar whose close c satisfies c - timeframe < s <= c; settlements outside the grid are counted and dropped",
        "open interest: as of each bar close, the latest snapshot at or before it, if not older than the staleness limit; else NaN",
    ];

    /// <summary>Cleans one symbol. <paramref name="raw"/> must be sorted by ts (duplicates adjacent).</summary>
    public static CleanResult Clean(string symbol, KlineSeries raw, FundingSeries? funding, OpenInterestSeries? openInterest, CleanSettings settings)
    {
        var tf = settings.Timeframe.Milliseconds;
        var rawCount = raw.Count;
        for (var i = 0; i < rawCount; i++)
        {
            if (raw.Ts[i] % tf != 0)
                throw new CleanException($"{symbol}: raw bar {i} closes at {Iso(raw.Ts[i])}, which is not on the {settings.Timeframe} grid");
            if (i > 0 && raw.Ts[i] < raw.Ts[i - 1])
                throw new CleanException($"{symbol}: raw bars are not sorted: bar {i} closes at {Iso(raw.Ts[i])}, before bar {i - 1} at {Iso(raw.Ts[i - 1])}");
        }

        // 1. Resolve duplicates and apply the (from, to] window: indices of the kept raw rows.
        var kept = new List<int>(rawCount);
        var duplicates = 0;
        var exact = 0;
        var examples = new List<DuplicateResolution>();
        for (var i = 0; i < rawCount;)
        {
            var j = i + 1;
            while (j < rawCount && raw.Ts[j] == raw.Ts[i]) j++;
            var best = i;
            for (var k = i + 1; k < j; k++)
                if (raw.Volume[k] >= raw.Volume[best]) best = k;
            if (j - i > 1)
            {
                var identical = true;
                for (var k = i + 1; k < j && identical; k++) identical = SameRow(raw, i, k);
                if (identical) exact++;
                else
                {
                    duplicates++;
                    if (examples.Count < 20)
                    {
                        var dropped = 0.0;
                        for (var k = i; k < j; k++) if (k != best) dropped = Math.Max(dropped, raw.Volume[k]);
                        examples.Add(new DuplicateResolution(raw.Ts[i], j - i, raw.Volume[best], dropped));
                    }
                }
            }
            var ts = raw.Ts[i];
            if ((settings.FromTs is null || ts > settings.FromTs) && (settings.ToTs is null || ts <= settings.ToTs))
                kept.Add(best);
            i = j;
        }
        if (kept.Count == 0)
            throw new CleanException(settings.FromTs is null && settings.ToTs is null
                ? $"{symbol}: no raw bars to clean"
                : $"{symbol}: no raw bars inside the window ({IsoOrOpen(settings.FromTs)}, {IsoOrOpen(settings.ToTs)}]");

        // 2. The grid from the first to the last kept bar, with gaps forward-filled.
        var first = raw.Ts[kept[0]];
        var last = raw.Ts[kept[^1]];
        var n = checked((int)((last - first) / tf + 1));
        var ts0 = new long[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        var quote = new double[n];
        var filled = new bool[n];
        var gaps = new List<GapRun>();
        var filledCount = 0;
        var zeroVolume = 0;
        var r = 0;
        for (var b = 0; b < n; b++)
        {
            var t = first + b * tf;
            ts0[b] = t;
            if (r < kept.Count && raw.Ts[kept[r]] == t)
            {
                var k = kept[r++];
                open[b] = raw.Open[k];
                high[b] = raw.High[k];
                low[b] = raw.Low[k];
                close[b] = raw.Close[k];
                volume[b] = raw.Volume[k];
                quote[b] = raw.QuoteVolume is { } qv ? qv[k] : raw.Volume[k] * raw.Close[k];
                if (volume[b] == 0) zeroVolume++;
            }
            else
            {
                var prev = close[b - 1]; // b > 0: the first grid bar is always a kept bar
                open[b] = high[b] = low[b] = close[b] = prev;
                filled[b] = true;
                filledCount++;
                if (gaps.Count > 0 && gaps[^1].ToTs == t - tf) gaps[^1] = gaps[^1] with { ToTs = t, Bars = gaps[^1].Bars + 1 };
                else gaps.Add(new GapRun(t, t, 1));
            }
        }

        // 3. Outlier flags (never altering values).
        var isOutlier = new bool[n];
        var outliers = new List<OutlierFlag>();
        FlagOutliers(ts0, open, high, low, close, volume, filled, settings, isOutlier, outliers);

        // 4. Funding on settlement bars.
        var rate = new double[n];
        var interval = new double[n];
        var settled = 0;
        var outside = 0;
        if (funding is not null)
        {
            for (var i = 0; i < funding.Count; i++)
            {
                var s = funding.Ts[i];
                var barClose = CeilToGrid(s, tf);
                var idx = (barClose - first) / tf;
                if (idx < 0 || idx >= n) { outside++; continue; }
                if (interval[idx] > 0)
                    throw new CleanException($"{symbol}: two funding settlements fall in the bar closing at {Iso(barClose)} ({Iso(funding.Ts[i - 1])} and {Iso(s)}); the timeframe is coarser than the funding interval");
                rate[idx] = funding.Rate[i];
                interval[idx] = funding.IntervalHours[i];
                settled++;
            }
        }

        // 5. Open interest as of each bar close.
        var oi = new double[n];
        Array.Fill(oi, double.NaN);
        var oiBars = 0;
        if (openInterest is not null && openInterest.Count > 0)
        {
            var s = 0;
            for (var b = 0; b < n; b++)
            {
                while (s + 1 < openInterest.Count && openInterest.Ts[s + 1] <= ts0[b]) s++;
                if (openInterest.Ts[s] <= ts0[b] && ts0[b] - openInterest.Ts[s] <= settings.MaxOpenInterestStalenessMs)
                {
                    oi[b] = openInterest.OpenInterest[s];
                    oiBars++;
                }
            }
        }

        var bars = new BarFrame(symbol, settings.Timeframe, ts0, open, high, low, close, volume, quote, rate, interval, oi, filled);
        var report = new CleanReport(symbol, settings.Timeframe.ToString(), rawCount, n, first, last, duplicates, exact, examples,
            filledCount, gaps, zeroVolume, outliers, settled, outside, oiBars, Rules);
        return new CleanResult(bars, isOutlier, report);
    }

    private static void FlagOutliers(long[] ts, double[] open, double[] high, double[] low, double[] close, double[] volume, bool[] filled,
        CleanSettings settings, bool[] isOutlier, List<OutlierFlag> outliers)
    {
        // Trailing EWMA variance of log returns of earlier bars (RiskMetrics-style, span = OutlierWindow).
        var alpha = 2.0 / (settings.OutlierWindow + 1);
        var variance = 0.0;
        var seen = 0;
        for (var b = 0; b < ts.Length; b++)
        {
            if (filled[b]) continue;
            string? reason = null;
            if (!(open[b] > 0 && high[b] > 0 && low[b] > 0 && close[b] > 0))
                reason = "non-positive or missing price";
            else if (high[b] < Math.Max(open[b], close[b]) || low[b] > Math.Min(open[b], close[b]))
                reason = "OHLC inconsistent";
            else if (volume[b] < 0 || double.IsNaN(volume[b]))
                reason = "negative volume";
            if (b > 0 && close[b] > 0 && close[b - 1] > 0)
            {
                var r = Math.Log(close[b] / close[b - 1]);
                if (reason is null && seen >= settings.OutlierWindow && variance > 0 && Math.Abs(r) > settings.OutlierSigmas * Math.Sqrt(variance))
                    reason = string.Create(CultureInfo.InvariantCulture, $"log return {r:G4} is {Math.Abs(r) / Math.Sqrt(variance):F1} trailing sigmas");
                variance = seen == 0 ? r * r : variance + alpha * (r * r - variance);
                seen++;
            }
            if (reason is not null)
            {
                isOutlier[b] = true;
                outliers.Add(new OutlierFlag(ts[b], reason));
            }
        }
    }

    private static bool SameRow(KlineSeries raw, int a, int b) =>
        raw.Open[a].Equals(raw.Open[b]) && raw.High[a].Equals(raw.High[b]) && raw.Low[a].Equals(raw.Low[b])
        && raw.Close[a].Equals(raw.Close[b]) && raw.Volume[a].Equals(raw.Volume[b]);

    private static long CeilToGrid(long ts, long tf)
    {
        var q = Math.DivRem(ts, tf, out var rem);
        return (rem > 0 ? q + 1 : q) * tf;
    }

    private static string Iso(long ms) => UtcTime.Format(ms);

    private static string IsoOrOpen(long? ms) => ms is { } v ? Iso(v) : "open";
}
