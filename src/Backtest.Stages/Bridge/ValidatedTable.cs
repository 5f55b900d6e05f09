using Backtest.Lake.Tables;
using Backtest.Parquet;

namespace Backtest.Stages.Bridge;

/// <summary>validated.parquet: every discovery survivor of a window after costs, stamped with the cost digest.</summary>
public static class ValidatedTable
{
    /// <summary>A row read back (what Blueprints needs).</summary>
    public sealed record Row(string Id, string Window, string Symbol, string Event, int Horizon, string Direction, string Concept,
        double GrossBps, double CostBps, double NetBps, double NetT, double CapacityUsd, bool Passed, string CostDigest);

    /// <summary>Writes the rows (cost digest also in the file metadata).</summary>
    public static void Write(string path, IReadOnlyList<ValidatedHypothesis> rows, string costDigest)
    {
        string?[] S(Func<ValidatedHypothesis, string> f) => rows.Select(f).ToArray<string?>();
        double[] D(Func<ValidatedHypothesis, double> f) => rows.Select(f).ToArray();
        bool Gate(ValidatedHypothesis r, string name) => r.Gates.First(g => g.Gate == name).Passed;
        ParquetFile.Write(path, new ParquetTable(
            ParquetColumn.String("hypothesis_id", S(r => r.Hypothesis.Id)), ParquetColumn.String("window", S(r => r.Hypothesis.Window)),
            ParquetColumn.String("symbol", S(r => r.Hypothesis.Symbol)), ParquetColumn.String("event", S(r => r.Hypothesis.Event)),
            ParquetColumn.Int32("horizon", rows.Select(r => r.Hypothesis.Horizon).ToArray()), ParquetColumn.String("direction", S(r => r.Hypothesis.Direction)),
            ParquetColumn.String("concept", S(r => r.Hypothesis.Concept)),
            ParquetColumn.Int32("n", rows.Select(r => r.Economics.N).ToArray()), ParquetColumn.Double("q_value", D(r => r.Hypothesis.Q)),
            ParquetColumn.Double("gross_bps", D(r => r.Economics.GrossBps)), ParquetColumn.Double("cost_bps", D(r => r.Economics.CostBps)),
            ParquetColumn.Double("carry_bps", D(r => r.Economics.CarryBps)), ParquetColumn.Double("net_bps", D(r => r.Economics.NetBps)),
            ParquetColumn.Double("net_t", D(r => r.Economics.NetT)), ParquetColumn.Double("notional_usd", D(r => r.Economics.NotionalUsd)),
            ParquetColumn.Double("capacity_usd", D(r => r.Economics.CapacityUsd)),
            ParquetColumn.Boolean("pass_min_net_edge_bps", rows.Select(r => Gate(r, "min_net_edge_bps")).ToArray()),
            ParquetColumn.Boolean("pass_min_net_t", rows.Select(r => Gate(r, "min_net_t")).ToArray()),
            ParquetColumn.Boolean("pass_min_capacity_usd", rows.Select(r => Gate(r, "min_capacity_usd")).ToArray()),
            ParquetColumn.Boolean("passed", rows.Select(r => r.Passed).ToArray()),
            ParquetColumn.String("cost_digest", S(_ => costDigest))),
            new ParquetWriteOptions { KeyValueMetadata = LakeMetadata.With(rows.Count, new Dictionary<string, string> { [LakeMetadata.CostDigest] = costDigest }) });
    }

    /// <summary>Reads the rows back.</summary>
    public static IReadOnlyList<Row> Read(string path)
    {
        var t = ParquetFile.Read(path);
        var id = t["hypothesis_id"].Strings(); var window = t["window"].Strings(); var symbol = t["symbol"].Strings(); var ev = t["event"].Strings();
        var horizon = t["horizon"].Int32s(); var direction = t["direction"].Strings(); var concept = t["concept"].Strings();
        var gross = t["gross_bps"].Doubles(); var cost = t["cost_bps"].Doubles(); var net = t["net_bps"].Doubles(); var netT = t["net_t"].Doubles();
        var capacity = t["capacity_usd"].Doubles(); var passed = t["passed"].Booleans(); var digest = t["cost_digest"].Strings();
        return Enumerable.Range(0, t.RowCount).Select(i => new Row(id[i]!, window[i]!, symbol[i]!, ev[i]!, horizon[i], direction[i]!, concept[i]!,
            gross[i], cost[i], net[i], netT[i], capacity[i], passed[i], digest[i]!)).ToArray();
    }
}
