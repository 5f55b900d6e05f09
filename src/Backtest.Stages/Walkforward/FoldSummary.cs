namespace Backtest.Stages.Walkforward;

/// <summary>What one fold did: its windows, what it traded, and how it did in and out of sample.</summary>
public sealed record FoldSummary(
    string Fold,
    long TrainFrom,
    long TrainTo,
    long TestFrom,
    long TestTo,
    int Blueprints,
    IReadOnlyList<string> BlueprintIds,
    int Trades,
    int OpenTradesClosedAtEnd,
    int SkippedEntries,
    double OosReturn,
    double IsSharpe,
    double OosSharpe,
    double Pbo,
    IReadOnlyList<string> Notes);
