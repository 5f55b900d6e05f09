using Backtest.Lake.Tables;
using Backtest.Parquet;

namespace Backtest.Stages.Walkforward;

/// <summary>folds.parquet: one row per fold (windows, blueprints, trades, in- and out-of-sample figures, PBO).</summary>
public static class FoldsTable
{
    /// <summary>Writes the fold rows.</summary>
    public static void Write(string path, IReadOnlyList<FoldSummary> folds)
    {
        T[] C<T>(Func<FoldSummary, T> f) => folds.Select(f).ToArray();
        ParquetFile.Write(path, new ParquetTable(
            ParquetColumn.String("fold", C<string?>(f => f.Fold)),
            ParquetColumn.TimestampMillisUtc("train_from", C(f => f.TrainFrom)), ParquetColumn.TimestampMillisUtc("train_to", C(f => f.TrainTo)),
            ParquetColumn.TimestampMillisUtc("test_from", C(f => f.TestFrom)), ParquetColumn.TimestampMillisUtc("test_to", C(f => f.TestTo)),
            ParquetColumn.Int32("blueprints", C(f => f.Blueprints)), ParquetColumn.String("blueprint_ids", C<string?>(f => string.Join(",", f.BlueprintIds))),
            ParquetColumn.Int32("trades", C(f => f.Trades)), ParquetColumn.Int32("skipped_entries", C(f => f.SkippedEntries)),
            ParquetColumn.Double("oos_return", C(f => f.OosReturn)), ParquetColumn.Double("is_sharpe", C(f => f.IsSharpe)),
            ParquetColumn.Double("oos_sharpe", C(f => f.OosSharpe)), ParquetColumn.Double("pbo", C(f => f.Pbo)),
            ParquetColumn.String("notes", C<string?>(f => string.Join("; ", f.Notes)))),
            new ParquetWriteOptions { KeyValueMetadata = LakeMetadata.With(folds.Count, null) });
    }
}
