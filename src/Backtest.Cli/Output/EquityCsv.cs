using System.Runtime.CompilerServices;
using Backtest.Core.Engine;

namespace Backtest.Cli.Output;

/// <summary>
/// equity.csv: one row per bar close (ISO-8601 UTC) with the equity after it and the cumulative P&amp;L components since
/// the start, so the last row reconciles with the summary: equity = capital + price_pnl − fees − spread − impact +
/// funding − borrow (up to the rounding of the running sums). A million bars make ~120 MB of text: values that did not
/// change since the previous row (the cost columns, equity while flat) are copied rather than formatted again.
/// </summary>
internal static class EquityCsv
{
    /// <summary>The header, exactly.</summary>
    public const string Header = "ts,equity,price_pnl,fees,spread,impact,funding,borrow";

    /// <summary>Writes the ledger of <paramref name="ledger"/> against the bar closes <paramref name="ts"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Stream stream, long[] ts, BarLedger ledger)
    {
        using var w = new CsvRowWriter(stream);
        w.Text("ts,equity,price_pnl,fees,spread,impact,funding,borrow\n"u8);
        var equity = ledger.Equity;
        var price = ledger.PricePnl;
        double[] fees = ledger.Fees, spread = ledger.Spread, impact = ledger.Impact, funding = ledger.Funding, borrow = ledger.Borrow;
        double p = 0, f = 0, s = 0, i = 0, fu = 0, b = 0;
        for (var t = 0; t < ts.Length; t++)
        {
            p += price[t]; f += fees[t]; s += spread[t]; i += impact[t]; fu += funding[t]; b += borrow[t];
            w.Time(ts[t]);
            w.Comma();
            w.RepeatedNumber(equity[t], 0);
            w.Comma();
            w.RepeatedNumber(p, 1);
            w.Comma();
            w.RepeatedNumber(f, 2);
            w.Comma();
            w.RepeatedNumber(s, 3);
            w.Comma();
            w.RepeatedNumber(i, 4);
            w.Comma();
            w.RepeatedNumber(fu, 5);
            w.Comma();
            w.RepeatedNumber(b, 6);
            w.EndRow();
        }
    }
}
