namespace Backtest.Core.Engine;

/// <summary>
/// One executed market order (rare: a record per fill is fine). <see cref="Ts"/> is the fill time, the open of bar
/// <see cref="Bar"/> (its close ts − one timeframe); <see cref="Quantity"/> is signed (buy &gt; 0); costs are ≥ 0.
/// </summary>
public sealed record Fill(
    string Symbol,
    int Bar,
    long Ts,
    double Quantity,
    double ReferencePrice,
    double Price,
    double Fee,
    double Spread,
    double Impact,
    bool IsEntry);
