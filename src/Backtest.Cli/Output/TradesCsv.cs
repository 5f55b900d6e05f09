using Backtest.Core.Engine;
using Backtest.Core.Market;

namespace Backtest.Cli.Output;

/// <summary>
/// trades.csv: one row per round trip in the order the kernel closed them, then the trade still open at the end (if
/// any) with an empty exit_time, marked at the last close. Times are the fills (bar opens), ISO-8601 UTC; prices are
/// executed prices (half spread and impact included), so pnl_net = ±quantity × (exit_price − entry_price) − fees +
/// funding − borrow.
/// </summary>
internal static class TradesCsv
{
    /// <summary>The header, exactly.</summary>
    public const string Header = "entry_time,exit_time,side,quantity,entry_price,exit_price,fees,pnl_net";

    /// <summary>Writes the closed trades of <paramref name="result"/> and its open one.</summary>
    public static void Write(Stream stream, ResearchResult result)
    {
        using var w = new CsvRowWriter(stream);
        w.Text("entry_time,exit_time,side,quantity,entry_price,exit_price,fees,pnl_net\n"u8);
        foreach (var trade in result.Trades) Row(w, trade);
        if (result.OpenTrade is { } open) Row(w, open);
    }

    private static void Row(CsvRowWriter w, in Trade trade)
    {
        w.Time(trade.EntryTs);
        w.Comma();
        if (!trade.IsOpen) w.Time(trade.ExitTs);
        w.Comma();
        w.Text(trade.Direction == Direction.Long ? "long"u8 : "short"u8);
        w.Comma();
        w.Number(Math.Abs(trade.Quantity));
        w.Comma();
        w.Number(trade.EntryPrice);
        w.Comma();
        w.Number(trade.IsOpen ? trade.ExitReferencePrice : trade.ExitPrice);
        w.Comma();
        w.Number(trade.Fees);
        w.Comma();
        w.Number(trade.NetPnl);
        w.EndRow();
    }
}
