namespace Backtest.Core.Engine;

/// <summary>A run's P&amp;L by component (quote currency) and its final equity.</summary>
public sealed record LedgerTotals(double PricePnl, double Fees, double Spread, double Impact, double Funding, double Borrow, double FinalEquity)
{
    /// <summary>PricePnl − Fees − Spread − Impact + Funding − Borrow.</summary>
    public double NetPnl => PricePnl - Fees - Spread - Impact + Funding - Borrow;
}
