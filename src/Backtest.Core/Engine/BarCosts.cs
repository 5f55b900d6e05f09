namespace Backtest.Core.Engine;

/// <summary>The frictions and carry of one bar (quote currency): what the ledger keeps apart from price P&amp;L.</summary>
internal struct BarCosts
{
    public double Fees, Spread, Impact, Funding, Borrow;

    /// <summary>True when any component is non-zero (only such bars are stored).</summary>
    public readonly bool Any => Fees != 0 || Spread != 0 || Impact != 0 || Funding != 0 || Borrow != 0;
}
