namespace Backtest.Core.Engine;

/// <summary>
/// P&amp;L by component for every bar (quote currency), the position held at each close and the equity after it.
/// Identity, per bar and exactly (same operands, same order): Equity[t] = Equity[t−1] + PricePnl − Fees − Spread −
/// Impact + Funding − Borrow, with Equity[−1] = initial capital. Price P&amp;L is marked at reference prices (opens for
/// fills, closes for marks), so frictions are never hidden inside it. Price P&amp;L, position and equity are dense
/// columns; the cost columns are non-zero on few bars, so they are kept as the fills (fees, spread, impact) and one
/// carry entry per funding or borrow bar, and expanded into columns on first use: 24 bytes per bar during a run.
/// </summary>
public sealed class BarLedger
{
    private readonly List<(int Bar, BarCosts Costs)> _costs = [];
    private List<Fill>? _fills;
    private readonly Lock _expand = new();
    private double[]? _fees, _spread, _impact, _funding, _borrow;

    /// <summary>Uninitialised columns for <paramref name="bars"/> bars: the kernel writes every element of the dense ones.</summary>
    internal BarLedger(int bars, double initialCapital)
    {
        InitialCapital = initialCapital;
        PricePnl = GC.AllocateUninitializedArray<double>(bars);
        Position = GC.AllocateUninitializedArray<double>(bars);
        Equity = GC.AllocateUninitializedArray<double>(bars);
    }

    /// <summary>Equity before the first bar.</summary>
    public double InitialCapital { get; }
    /// <summary>Mark-to-market P&amp;L of the position at reference prices.</summary>
    public double[] PricePnl { get; }
    /// <summary>Signed units held at each bar's close (for a portfolio's total: gross notional at the close).</summary>
    public double[] Position { get; }
    /// <summary>Equity after each bar's close.</summary>
    public double[] Equity { get; }
    /// <summary>Exchange fees paid.</summary>
    public double[] Fees => Expanded(ref _fees);
    /// <summary>Half-spread paid on fills.</summary>
    public double[] Spread => Expanded(ref _spread);
    /// <summary>Market impact paid on fills.</summary>
    public double[] Impact => Expanded(ref _impact);
    /// <summary>Funding received (&gt; 0) or paid (&lt; 0) at settlements.</summary>
    public double[] Funding => Expanded(ref _funding);
    /// <summary>Borrow charged on spot shorts.</summary>
    public double[] Borrow => Expanded(ref _borrow);

    /// <summary>Number of bars.</summary>
    public int Count => Equity.Length;

    /// <summary>Net change of bar <paramref name="t"/>, summed in the identity's order.</summary>
    public double NetChange(int t) => PricePnl[t] - Fees[t] - Spread[t] - Impact[t] + Funding[t] - Borrow[t];

    /// <summary>Column sums: where the P&amp;L came from over the whole run.</summary>
    public LedgerTotals Totals()
    {
        double p = 0, f = 0, s = 0, i = 0, fu = 0, b = 0;
        foreach (var x in PricePnl) p += x;
        foreach (var fill in (IEnumerable<Fill>?)_fills ?? [])
        {
            f += fill.Fee; s += fill.Spread; i += fill.Impact;
        }
        foreach (var (_, c) in _costs)
        {
            f += c.Fees; s += c.Spread; i += c.Impact; fu += c.Funding; b += c.Borrow;
        }
        return new LedgerTotals(p, f, s, i, fu, b, Count == 0 ? InitialCapital : Equity[^1]);
    }

    /// <summary>Records bar <paramref name="bar"/>'s costs beyond its fills (carry, or a portfolio total's sums); bars arrive in order, once each.</summary>
    internal void AddCosts(int bar, in BarCosts costs) => _costs.Add((bar, costs));

    /// <summary>The book's fill list: the source of this ledger's fee, spread and impact columns (at most one fill per bar).</summary>
    internal void UseFills(List<Fill> fills) => _fills = fills;

    /// <summary>Net change from a bar's price P&amp;L and costs, in the identity's order (the kernels' single formula).</summary>
    internal static double Net(double pricePnl, in BarCosts c) => pricePnl - c.Fees - c.Spread - c.Impact + c.Funding - c.Borrow;

    private double[] Expanded(ref double[]? column)
    {
        if (column is not null) return column;
        lock (_expand)
        {
            if (_fees is null)
            {
                double[] fees = new double[Count], spread = new double[Count], impact = new double[Count], funding = new double[Count], borrow = new double[Count];
                foreach (var fill in (IEnumerable<Fill>?)_fills ?? [])
                {
                    fees[fill.Bar] += fill.Fee; spread[fill.Bar] += fill.Spread; impact[fill.Bar] += fill.Impact;
                }
                foreach (var (bar, c) in _costs)
                {
                    fees[bar] += c.Fees; spread[bar] += c.Spread; impact[bar] += c.Impact; funding[bar] = c.Funding; borrow[bar] = c.Borrow;
                }
                (_spread, _impact, _funding, _borrow) = (spread, impact, funding, borrow);
                Volatile.Write(ref _fees, fees);
            }
            return column!;
        }
    }
}
