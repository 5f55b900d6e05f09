using Backtest.Core.Market;
using Backtest.Lake.Tables;
using Backtest.Parquet;

namespace Backtest.Stages.Walkforward;

/// <summary>Parquet forms of a fold's (and the stitched run's) equity and trades.</summary>
public static class FoldTables
{
    /// <summary>ts, equity and its components per bar (plus buy_and_hold and drawdown when given).</summary>
    public static void WriteEquity(string path, EquityPiece e, double[]? buyAndHold = null, double[]? drawdown = null)
    {
        var columns = new List<ParquetColumn>
        {
            ParquetColumn.TimestampMillisUtc("ts", e.Ts), ParquetColumn.Double("equity", e.Equity), ParquetColumn.Double("price_pnl", e.PricePnl),
            ParquetColumn.Double("fees", e.Fees), ParquetColumn.Double("spread", e.Spread), ParquetColumn.Double("impact", e.Impact),
            ParquetColumn.Double("funding", e.Funding), ParquetColumn.Double("borrow", e.Borrow),
            ParquetColumn.Double("gross_notional", e.GrossNotional), ParquetColumn.Double("traded_notional", e.TradedNotional),
        };
        if (buyAndHold is not null) columns.Add(ParquetColumn.Double("buy_and_hold", buyAndHold));
        if (drawdown is not null) columns.Add(ParquetColumn.Double("drawdown", drawdown));
        ParquetFile.Write(path, new ParquetTable(columns), new ParquetWriteOptions { KeyValueMetadata = LakeMetadata.With(e.Ts.Length, null) });
    }

    /// <summary>Reads an equity piece.</summary>
    public static EquityPiece ReadEquity(string path)
    {
        var t = ParquetFile.Read(path);
        return new EquityPiece(t["ts"].Int64s(), t["equity"].Doubles(), t["price_pnl"].Doubles(), t["fees"].Doubles(), t["spread"].Doubles(),
            t["impact"].Doubles(), t["funding"].Doubles(), t["borrow"].Doubles(), t["gross_notional"].Doubles(), t["traded_notional"].Doubles());
    }

    /// <summary>One row per trade; P&amp;L components in quote currency, times are fill times (bar opens).</summary>
    public static void WriteTrades(string path, string fold, IReadOnlyList<FoldTrade> trades) =>
        WriteTradeRows(path, trades.Select(t => ToRow(fold, t)).ToArray());

    /// <summary>A kernel trade as a row of the trades table.</summary>
    public static TradeRow ToRow(string fold, FoldTrade t)
    {
        var x = t.Trade;
        return new TradeRow(fold, t.Blueprint, t.Symbol, x.Direction.ToText(), x.EntryTs, x.ExitTs, x.Quantity, x.EntryPrice, x.ExitPrice,
            x.PricePnl, x.Fees, x.Spread, x.Impact, x.Funding, x.Borrow, x.NetPnl, x.NetPnl / Math.Abs(x.Quantity * x.EntryPrice), x.ExitReason.ToString(), x.IsOpen);
    }

    /// <summary>A trade row read back (what stitching and the report need).</summary>
    public sealed record TradeRow(string Fold, string Blueprint, string Symbol, string Side, long EntryTs, long ExitTs, double Quantity,
        double EntryPrice, double ExitPrice, double PricePnl, double Fees, double Spread, double Impact, double Funding, double Borrow,
        double PnlNet, double Return, string ExitReason, bool Open);

    /// <summary>Reads trades back.</summary>
    public static IReadOnlyList<TradeRow> ReadTrades(string path)
    {
        var t = ParquetFile.Read(path);
        var fold = t["fold"].Strings(); var bp = t["blueprint"].Strings(); var symbol = t["symbol"].Strings(); var side = t["side"].Strings();
        var entry = t["entry_ts"].Int64s(); var exit = t["exit_ts"].Int64s(); var qty = t["quantity"].Doubles(); var ep = t["entry_price"].Doubles();
        var xp = t["exit_price"].Doubles(); var pp = t["price_pnl"].Doubles(); var fees = t["fees"].Doubles(); var spread = t["spread"].Doubles();
        var impact = t["impact"].Doubles(); var funding = t["funding"].Doubles(); var borrow = t["borrow"].Doubles(); var net = t["pnl_net"].Doubles();
        var ret = t["return"].Doubles(); var reason = t["exit_reason"].Strings(); var open = t["open"].Booleans();
        return Enumerable.Range(0, t.RowCount).Select(i => new TradeRow(fold[i]!, bp[i]!, symbol[i]!, side[i]!, entry[i], exit[i], qty[i], ep[i], xp[i],
            pp[i], fees[i], spread[i], impact[i], funding[i], borrow[i], net[i], ret[i], reason[i]!, open[i])).ToArray();
    }

    /// <summary>Writes stitched trade rows (already in the stitched account's units).</summary>
    public static void WriteTradeRows(string path, IReadOnlyList<TradeRow> rows)
    {
        T[] C<T>(Func<TradeRow, T> f) => rows.Select(f).ToArray();
        ParquetFile.Write(path, new ParquetTable(
            ParquetColumn.String("fold", C<string?>(r => r.Fold)), ParquetColumn.String("blueprint", C<string?>(r => r.Blueprint)),
            ParquetColumn.String("symbol", C<string?>(r => r.Symbol)), ParquetColumn.String("side", C<string?>(r => r.Side)),
            ParquetColumn.TimestampMillisUtc("entry_ts", C(r => r.EntryTs)), ParquetColumn.TimestampMillisUtc("exit_ts", C(r => r.ExitTs)),
            ParquetColumn.Double("quantity", C(r => r.Quantity)), ParquetColumn.Double("entry_price", C(r => r.EntryPrice)),
            ParquetColumn.Double("exit_price", C(r => r.ExitPrice)), ParquetColumn.Double("price_pnl", C(r => r.PricePnl)),
            ParquetColumn.Double("fees", C(r => r.Fees)), ParquetColumn.Double("spread", C(r => r.Spread)), ParquetColumn.Double("impact", C(r => r.Impact)),
            ParquetColumn.Double("funding", C(r => r.Funding)), ParquetColumn.Double("borrow", C(r => r.Borrow)), ParquetColumn.Double("pnl_net", C(r => r.PnlNet)),
            ParquetColumn.Double("return", C(r => r.Return)), ParquetColumn.String("exit_reason", C<string?>(r => r.ExitReason)),
            ParquetColumn.Boolean("open", C(r => r.Open))),
            new ParquetWriteOptions { KeyValueMetadata = LakeMetadata.With(rows.Count, null) });
    }
}
