namespace Backtest.Core.Engine;

/// <summary>
/// P&amp;L by component for every bar (quote currency), the position held at each close and the equity after it.
/// Identity, per bar and by construction: Equity[t] = Equity[t−1] + PricePnl − Fees − Spread − Impact + Funding −
/// Borrow (Equity[−1] = initial capital). Price P&amp;L is marked at reference prices (opens for fills, closes for
/// marks), so frictions are never hidden inside it.
/// </summary>
public sealed class BarLedger
{
    /// <summary>Zeroed columns for <paramref name="bars"/> bars (equity filled by the kernel).</summary>
    public BarLedger(int bars, double initialCapital)
    {
        InitialCapital = initialCapital;
        PricePnl = new double[bars];
        Fees = new double[bars];
        Spread = new double[bars];
        Impact = new double[bars];
        Funding = new double[bars];
        Borrow = new double[bars];
        Position = new double[bars];
        Equity = GC.AllocateUninitializedArray<double>(bars);
    }

    /// <summary>Equity before the first bar.</summary>
    public double InitialCapital { get; }
    /// <summary>Mark-to-market P&amp;L of the position at reference prices.</summary>
    public double[] PricePnl { get; }
    /// <summary>Exchange fees paid.</summary>
    public double[] Fees { get; }
    /// <summary>Half-spread paid on fills.</summary>
    public double[] Spread { get; }
    /// <summary>Market impact paid on fills.</summary>
    public double[] Impact { get; }
    /// <summary>Funding received (&gt; 0) or paid (&lt; 0) at settlements.</summary>
    public double[] Funding { get; }
    /// <summary>Borrow charged on spot shorts.</summary>
    public double[] Borrow { get; }
    /// <summary>Signed units held at each bar's close (for a portfolio's total: gross notional at the close).</summary>
    public double[] Position { get; }
    /// <summary>Equity after each bar's close.</summary>
    public double[] Equity { get; }

    /// <summary>Number of bars.</summary>
    public int Count => Equity.Length;

    /// <summary>Net change of bar <paramref name="t"/>, summed in the identity's order.</summary>
    public double NetChange(int t) => PricePnl[t] - Fees[t] - Spread[t] - Impact[t] + Funding[t] - Borrow[t];

    /// <summary>Column sums: where the P&amp;L came from over the whole run.</summary>
    public LedgerTotals Totals()
    {
        double p = 0, f = 0, s = 0, i = 0, fu = 0, b = 0;
        for (var t = 0; t < Count; t++)
        {
            p += PricePnl[t]; f += Fees[t]; s += Spread[t]; i += Impact[t]; fu += Funding[t]; b += Borrow[t];
        }
        return new LedgerTotals(p, f, s, i, fu, b, Count == 0 ? InitialCapital : Equity[^1]);
    }
}
