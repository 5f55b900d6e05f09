using System.Runtime.CompilerServices;
using Backtest.Core.Engine;

namespace Backtest.Cli.Output;

/// <summary>
/// equity.csv: one row per bar close (ISO-8601 UTC) with the equity after it and the cumulative P&amp;L components since
/// the start, so the last row reconciles with the summary: equity = capital + price_pnl − fees − spread − impact +
/// funding − borrow (up to the rounding of the running sums). A million bars make ~120 MB of text, so blocks of rows
/// are formatted on every core and written in order: the bytes are the same as a sequential write.
/// </summary>
internal static class EquityCsv
{
    /// <summary>The header, exactly.</summary>
    public const string Header = "ts,equity,price_pnl,fees,spread,impact,funding,borrow";

    private const int BlockRows = 16_384;

    /// <summary>Writes the ledger of <paramref name="ledger"/> against the bar closes <paramref name="ts"/>.</summary>
    public static void Write(Stream stream, long[] ts, BarLedger ledger)
    {
        var n = ts.Length;
        var columns = new Columns(ts, ledger.Equity, ledger.PricePnl, ledger.Fees, ledger.Spread, ledger.Impact, ledger.Funding, ledger.Borrow);
        var blocks = (n + BlockRows - 1) / BlockRows;
        // the running sums at each block's first row, accumulated in row order: each block then continues them exactly
        var starts = new Sums[blocks];
        var running = default(Sums);
        for (var b = 0; b < blocks; b++)
        {
            starts[b] = running;
            var end = Math.Min(n, (b + 1) * BlockRows);
            for (var t = b * BlockRows; t < end; t++) running.Add(columns, t);
        }
        using (var header = new CsvRowWriter(stream)) header.Text("ts,equity,price_pnl,fees,spread,impact,funding,borrow\n"u8);
        var wave = Math.Max(1, Environment.ProcessorCount) * 2;
        var buffers = new MemoryStream[wave];
        for (var first = 0; first < blocks; first += wave)
        {
            var count = Math.Min(wave, blocks - first);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
            {
                var buffer = buffers[k] ??= new MemoryStream(BlockRows * 128);
                buffer.SetLength(0);
                var b = first + k;
                FormatBlock(buffer, columns, b * BlockRows, Math.Min(n, (b + 1) * BlockRows), starts[b]);
            });
            for (var k = 0; k < count; k++) buffers[k].WriteTo(stream);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FormatBlock(Stream stream, Columns c, int from, int to, Sums sums)
    {
        using var w = new CsvRowWriter(stream);
        for (var t = from; t < to; t++)
        {
            sums.Add(c, t);
            w.Time(c.Ts[t]);
            w.Comma();
            w.RepeatedNumber(c.Equity[t], 0);
            w.Comma();
            w.RepeatedNumber(sums.Price, 1);
            w.Comma();
            w.RepeatedNumber(sums.Fees, 2);
            w.Comma();
            w.RepeatedNumber(sums.Spread, 3);
            w.Comma();
            w.RepeatedNumber(sums.Impact, 4);
            w.Comma();
            w.RepeatedNumber(sums.Funding, 5);
            w.Comma();
            w.RepeatedNumber(sums.Borrow, 6);
            w.EndRow();
        }
    }

    private sealed record Columns(long[] Ts, double[] Equity, double[] Price, double[] Fees, double[] Spread, double[] Impact, double[] Funding, double[] Borrow);

    /// <summary>Running sums of the P&amp;L components, always added in row order.</summary>
    private struct Sums
    {
        public double Price, Fees, Spread, Impact, Funding, Borrow;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Columns c, int t)
        {
            Price += c.Price[t]; Fees += c.Fees[t]; Spread += c.Spread[t]; Impact += c.Impact[t]; Funding += c.Funding[t]; Borrow += c.Borrow[t];
        }
    }
}
