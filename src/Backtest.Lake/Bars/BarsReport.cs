using Backtest.Core.Cleaning;
using Backtest.Core.Time;

namespace Backtest.Lake.Bars;

/// <summary>
/// What reading a bars file found and did, for the run summary: where the bars came from, their timeframe (and
/// whether it was inferred from the spacing), the span, and what alignment changed (forward-filled gaps, resolved
/// duplicates of raw lake files) or flagged (outliers, left unaltered).
/// </summary>
/// <param name="File">The file as named by the user.</param>
/// <param name="Format">csv, cleaned bars parquet, or raw klines parquet.</param>
/// <param name="Rows">Rows read from the file.</param>
/// <param name="Timeframe">Bar length.</param>
/// <param name="TimeframeInferred">True when the timeframe came from the rows' spacing rather than file metadata.</param>
/// <param name="FirstTs">First bar close, ms UTC.</param>
/// <param name="LastTs">Last bar close, ms UTC.</param>
/// <param name="Bars">Bars on the aligned grid (rows plus filled bars, minus resolved duplicates).</param>
/// <param name="FilledBars">Bars missing from the file, forward-filled from the previous close (no entries fire on them).</param>
/// <param name="Gaps">Runs of filled bars.</param>
/// <param name="DuplicatesResolved">Raw rows dropped by the duplicate rule (raw lake files only; a CSV duplicate is an error).</param>
/// <param name="Outliers">Bars flagged as suspicious by the cleaning rules (never altered).</param>
/// <param name="FundingSettlements">Funding settlements on the grid (lake files only).</param>
public sealed record BarsReport(
    string File,
    string Format,
    int Rows,
    Timeframe Timeframe,
    bool TimeframeInferred,
    long FirstTs,
    long LastTs,
    int Bars,
    int FilledBars,
    IReadOnlyList<GapRun> Gaps,
    int DuplicatesResolved,
    int Outliers,
    int FundingSettlements);
