namespace Backtest.Core.Cleaning;

/// <summary>What cleaning found and did to one symbol's bars: the audit trail a researcher reads before trusting a series.</summary>
public sealed record CleanReport(
    string Symbol,
    string Timeframe,
    int RawRows,
    int Bars,
    long FirstTs,
    long LastTs,
    int DuplicatesResolved,
    int ExactDuplicates,
    IReadOnlyList<DuplicateResolution> DuplicateExamples,
    int FilledBars,
    IReadOnlyList<GapRun> Gaps,
    int ZeroVolumeBars,
    IReadOnlyList<OutlierFlag> Outliers,
    int FundingSettlements,
    int FundingOutsideRange,
    int OpenInterestBars,
    IReadOnlyList<string> Rules);

/// <summary>Two or more raw rows for one bar, and which copy the duplicate rule kept.</summary>
public sealed record DuplicateResolution(long Ts, int Copies, double KeptVolume, double DroppedVolume);

/// <summary>A run of missing bars that were forward-filled (bar closes, inclusive).</summary>
public sealed record GapRun(long FromTs, long ToTs, int Bars);

/// <summary>A bar whose values look wrong; flagged for the reader, left unchanged in the data.</summary>
public sealed record OutlierFlag(long Ts, string Reason);
