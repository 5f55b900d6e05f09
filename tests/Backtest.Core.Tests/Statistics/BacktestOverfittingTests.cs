using Backtest.Core.Statistics;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class BacktestOverfittingTests
{
    public static TheoryData<string> Cases => StatisticsVectors.CaseNames("pbo.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_vector(string name)
    {
        var c = StatisticsVectors.Case("pbo.json", name);
        var blockMeans = c.GetProperty("block_means").EnumerateArray().Select(StatisticsVectors.Doubles).ToArray();
        var rowsPerBlock = c.GetProperty("rows_per_block").GetInt32();
        var n = blockMeans[0].Length;
        var rows = blockMeans.Length * rowsPerBlock;
        var m = new double[rows * n];
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < n; j++) m[r * n + j] = blockMeans[r / rowsPerBlock][j];

        var report = BacktestOverfitting.Cscv(m, rows, n, c.GetProperty("blocks").GetInt32(), Enum.Parse<CscvMetric>(c.GetProperty("metric").GetString()!));

        Assert.Equal(c.GetProperty("pbo").GetDouble(), report.Pbo, 12);
        Assert.Equal(c.GetProperty("splits").GetInt32(), report.Splits);
        Assert.Equal(StatisticsVectors.Ints(c.GetProperty("selected")), report.Selected);
        Assert.Equal(StatisticsVectors.Doubles(c.GetProperty("in_sample")), report.InSample);
        Assert.Equal(StatisticsVectors.Doubles(c.GetProperty("out_of_sample")), report.OutOfSample);
        Assert.Equal(c.GetProperty("probability_oos_loss").GetDouble(), report.ProbabilityOosLoss, 12);
        Assert.Equal(c.GetProperty("degradation_slope").GetDouble(), report.DegradationSlope, 12);
        Assert.Equal(c.GetProperty("degradation_intercept").GetDouble(), report.DegradationIntercept, 12);
        Assert.Equal(rows, report.RowsUsed);

        // The logits encode rank/(N+1); the rank/N convention would have given a different PBO.
        var ranks = StatisticsVectors.Ints(c.GetProperty("oos_rank"));
        for (var s = 0; s < report.Splits; s++)
        {
            var w = (double)ranks[s] / (n + 1);
            Assert.Equal(Math.Log(w / (1 - w)), report.Logits[s], 12);
        }
        var rankOverN = ranks.Count(rank => (double)rank / n <= 0.5) / (double)ranks.Length;
        Assert.Equal(c.GetProperty("pbo_rank_over_n").GetDouble(), rankOverN, 12);
        Assert.NotEqual(rankOverN, report.Pbo, 6);
    }

    [Fact]
    public void Drops_the_oldest_rows_that_do_not_fill_a_block()
    {
        var rng = new TestRandom(5);
        const int n = 4;
        var full = rng.Normals(11 * n);
        var report = BacktestOverfitting.Cscv(full, 11, n, 4);
        var trimmed = BacktestOverfitting.Cscv(full.AsSpan(3 * n).ToArray(), 8, n, 4);
        Assert.Equal(8, report.RowsUsed);
        Assert.Equal(trimmed.Logits, report.Logits);
        Assert.Equal(trimmed.Pbo, report.Pbo);
    }

    [Fact]
    public void A_constant_configuration_is_never_selected_by_Sharpe_and_ranks_lowest()
    {
        var rng = new TestRandom(6);
        const int rows = 40, n = 3;
        var m = new double[rows * n];
        for (var r = 0; r < rows; r++)
        {
            m[r * n + 0] = 0.0;                         // never trades
            m[r * n + 1] = 0.001 + 0.01 * rng.NextNormal();
            m[r * n + 2] = -0.001 + 0.01 * rng.NextNormal();
        }
        var report = BacktestOverfitting.Cscv(m, rows, n, 4, CscvMetric.SharpeRatio);
        Assert.DoesNotContain(0, report.Selected);
        Assert.All(report.OutOfSample, v => Assert.False(double.IsNaN(v)));

        var allFlat = new double[rows * 2];
        Assert.Throws<ArgumentException>(() => BacktestOverfitting.Cscv(allFlat, rows, 2, 4, CscvMetric.SharpeRatio));
    }

    [Fact]
    public void Rejects_bad_shapes_and_values()
    {
        var m = new double[8 * 3];
        Assert.Throws<ArgumentOutOfRangeException>(() => BacktestOverfitting.Cscv(m, 8, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => BacktestOverfitting.Cscv(m, 8, 3, 0));
        Assert.Throws<ArgumentException>(() => BacktestOverfitting.Cscv(m, 8, 3, 10));
        Assert.Throws<ArgumentException>(() => BacktestOverfitting.Cscv(m, 7, 3, 4));
        Assert.Throws<ArgumentException>(() => BacktestOverfitting.Cscv(new double[8], 8, 1, 4));
        m[5] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => BacktestOverfitting.Cscv(m, 8, 3, 4));
        Assert.Contains("row 1, configuration 2", ex.Message);
    }

    [ReferenceTheory(ReferenceTools.Python)]
    [InlineData(240, 10, 8, CscvMetric.Mean, 101UL)]
    [InlineData(240, 10, 8, CscvMetric.SharpeRatio, 102UL)]
    [InlineData(123, 7, 6, CscvMetric.SharpeRatio, 103UL)]
    [InlineData(60, 25, 10, CscvMetric.Mean, 104UL)]
    public void Matches_a_straightforward_python_reimplementation(int rows, int n, int blocks, CscvMetric metric, ulong seed)
    {
        ReferenceTools.Require(ReferenceTools.Python);
        var rng = new TestRandom(seed);
        var m = new double[rows * n];
        for (var j = 0; j < n; j++)
        {
            var drift = 0.0005 * rng.NextNormal();
            for (var r = 0; r < rows; r++) m[r * n + j] = drift + 0.01 * rng.NextNormal();
        }
        // Rounded copies of a column create exact out-of-sample ties, exercising the average-rank convention.
        for (var r = 0; r < rows; r++) m[r * n + 1] = m[r * n + 2] = Math.Round(m[r * n + 2], 3);

        var script = """
            import sys, itertools, math, numpy as np
            from scipy.stats import rankdata
            head, body = sys.stdin.read().split('\n', 1)
            T, N, S, metric = head.split()
            T, N, S = int(T), int(N), int(S)
            M = np.array(body.split(), dtype=float).reshape(T, N)
            M = M[T - (T // S) * S:]
            blocks = np.array_split(M, S)
            def perf(rows):
                return rows.mean(axis=0) if metric == 'Mean' else rows.mean(axis=0) / rows.std(axis=0, ddof=1)
            logits, sel, ins, oos = [], [], [], []
            for IS in itertools.combinations(range(S), S // 2):
                OS = [b for b in range(S) if b not in IS]
                p_is = perf(np.vstack([blocks[b] for b in IS]))
                p_os = perf(np.vstack([blocks[b] for b in OS]))
                best = int(np.argmax(p_is))
                w = rankdata(p_os)[best] / (N + 1)
                logits.append(math.log(w / (1 - w))); sel.append(best); ins.append(p_is[best]); oos.append(p_os[best])
            logits = np.array(logits)
            slope, intercept = np.polyfit(ins, oos, 1)
            print('pbo', repr(float((logits <= 0).mean())))
            print('logits', *map(repr, logits.tolist()))
            print('selected', *sel)
            print('oos', *map(repr, oos))
            print('fit', repr(float(slope)), repr(float(intercept)))
            print('loss', repr(float((np.array(oos) < 0).mean())))
            """;
        var stdin = $"{rows} {n} {blocks} {metric}\n{StatisticsVectors.Format(m)}";
        var py = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, stdin));

        var report = BacktestOverfitting.Cscv(m, rows, n, blocks, metric);
        Assert.Equal(py["pbo"][0], report.Pbo, 12);
        Assert.Equal(py["selected"].Select(v => (int)v).ToArray(), report.Selected);
        for (var s = 0; s < report.Splits; s++)
        {
            Assert.Equal(py["logits"][s], report.Logits[s], 10);
            Assert.Equal(py["oos"][s], report.OutOfSample[s], 10);
        }
        Assert.Equal(py["fit"][0], report.DegradationSlope, 8);
        Assert.Equal(py["fit"][1], report.DegradationIntercept, 10);
        Assert.Equal(py["loss"][0], report.ProbabilityOosLoss, 12);
    }
}
