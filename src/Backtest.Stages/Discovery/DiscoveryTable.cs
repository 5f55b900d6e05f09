using Backtest.Core.Research;
using Backtest.Lake.Tables;
using Backtest.Parquet;

namespace Backtest.Stages.Discovery;

/// <summary>hypotheses.parquet: every tested hypothesis of a window with statistics, q-value and each gate's verdict.</summary>
public static class DiscoveryTable
{
    /// <summary>A row read back (what Bridge and the report need).</summary>
    public sealed record Row(string Id, string Window, string Symbol, string Event, int Horizon, string Direction, string Concept,
        int N, double MeanBps, double SdBps, double DriftBps, double Ess, double HacT, double P, double Q, bool Passed, int Rank);

    /// <summary>Writes the gated family.</summary>
    public static void Write(string path, IReadOnlyList<GatedHypothesis> rows, DiscoveryGates gates)
    {
        string?[] S(Func<GatedHypothesis, string> f) => rows.Select(f).ToArray<string?>();
        double[] D(Func<GatedHypothesis, double> f) => rows.Select(f).ToArray();
        int[] I(Func<GatedHypothesis, int> f) => rows.Select(f).ToArray();
        bool[] B(Func<GatedHypothesis, bool> f) => rows.Select(f).ToArray();
        bool Gate(GatedHypothesis r, string name) => r.Verdict.Gates.First(g => g.Gate == name).Passed;
        ParquetFile.Write(path, new ParquetTable(
            ParquetColumn.String("hypothesis_id", S(r => r.Stats.Id)), ParquetColumn.String("window", S(r => r.Stats.Window)),
            ParquetColumn.String("symbol", S(r => r.Stats.Symbol)), ParquetColumn.String("event", S(r => r.Stats.Event)),
            ParquetColumn.Int32("horizon", I(r => r.Stats.Horizon)), ParquetColumn.String("direction", S(r => r.Stats.Direction)),
            ParquetColumn.String("concept", S(r => r.Concept)), ParquetColumn.String("claims", S(r => string.Join(",", r.Claims))),
            ParquetColumn.Int32("n", I(r => r.Stats.N)), ParquetColumn.Int32("events_in_window", I(r => r.Stats.EventsInWindow)),
            ParquetColumn.Double("mean_bps", D(r => r.Stats.MeanBps)), ParquetColumn.Double("sd_bps", D(r => r.Stats.SdBps)),
            ParquetColumn.Double("drift_bps", D(r => r.Stats.DriftBps)), ParquetColumn.Double("ess", D(r => r.Stats.Ess)),
            ParquetColumn.Int32("hac_lag", I(r => r.Stats.HacLag)), ParquetColumn.Double("hac_t", D(r => r.Stats.HacT)),
            ParquetColumn.Double("p_value", D(r => r.Stats.P)), ParquetColumn.Double("q_value", D(r => r.Verdict.Q)),
            ParquetColumn.String("fdr_method", S(_ => gates.FdrMethod.ToString())),
            ParquetColumn.Boolean("pass_min_events", B(r => Gate(r, "min_events"))), ParquetColumn.Boolean("pass_min_ess", B(r => Gate(r, "min_ess"))),
            ParquetColumn.Boolean("pass_max_q_value", B(r => Gate(r, "max_q_value"))), ParquetColumn.Boolean("pass_min_abs_mean_bps", B(r => Gate(r, "min_abs_mean_bps"))),
            ParquetColumn.Boolean("tested", B(r => r.Tested)), ParquetColumn.Boolean("passed", B(r => r.Passed)), ParquetColumn.Int32("rank", I(r => r.Verdict.Rank))),
            new ParquetWriteOptions { KeyValueMetadata = LakeMetadata.With(rows.Count, new Dictionary<string, string>
            {
                ["backtest.gates"] = $"min_events={gates.MinEvents}; min_ess={gates.MinEss}; max_q_value={gates.MaxQValue}; fdr_method={gates.FdrMethod}; min_abs_mean_bps={gates.MinAbsMeanBps}",
                ["backtest.conventions"] = string.Join("; ", Core.Statistics.HypothesisTest.ConventionsFor(DiscoverStage.LagRule).Select(kv => $"{kv.Key}: {kv.Value}")),
            }) });
    }

    /// <summary>Reads the rows back.</summary>
    public static IReadOnlyList<Row> Read(string path)
    {
        var t = ParquetFile.Read(path);
        var n = t.RowCount;
        var id = t["hypothesis_id"].Strings(); var window = t["window"].Strings(); var symbol = t["symbol"].Strings(); var ev = t["event"].Strings();
        var horizon = t["horizon"].Int32s(); var direction = t["direction"].Strings(); var concept = t["concept"].Strings();
        var count = t["n"].Int32s(); var mean = t["mean_bps"].Doubles(); var sd = t["sd_bps"].Doubles(); var drift = t["drift_bps"].Doubles(); var ess = t["ess"].Doubles();
        var hacT = t["hac_t"].Doubles(); var p = t["p_value"].Doubles(); var q = t["q_value"].Doubles(); var passed = t["passed"].Booleans(); var rank = t["rank"].Int32s();
        var rows = new Row[n];
        for (var i = 0; i < n; i++)
            rows[i] = new Row(id[i]!, window[i]!, symbol[i]!, ev[i]!, horizon[i], direction[i]!, concept[i]!, count[i], mean[i], sd[i], drift[i], ess[i], hacT[i], p[i], q[i], passed[i], rank[i]);
        return rows;
    }
}
