namespace Backtest.Core.Engine;

/// <summary>
/// One executed market order of the result's symbol: an unmanaged struct, so many fills cost only their list (no
/// objects, no GC scanning). <see cref="Ts"/> is the fill time, the open of bar
/// <see cref="Bar"/> (its close ts − one timeframe); <see cref="Quantity"/> is signed (buy &gt; 0); costs are ≥ 0.
/// </summary>
public readonly record struct Fill(
    int Bar,
    long Ts,
    double Quantity,
    double ReferencePrice,
    double Price,
    double Fee,
    double Spread,
    double Impact,
    bool IsEntry);
