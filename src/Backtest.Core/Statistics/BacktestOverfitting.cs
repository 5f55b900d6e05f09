namespace Backtest.Core.Statistics;

/// <summary>
/// Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey, Borwein,
/// López de Prado and Zhu; STATISTICS.md §5): how often the configuration that looks best in sample
/// is below the median out of sample.
/// </summary>
public static class BacktestOverfitting
{
    /// <summary>Upper bound on C(S, S/2) (S = 24 gives 2,704,156): beyond it the split enumeration is impractical.</summary>
    public const int MaxSplits = 3_000_000;

    /// <summary>How PBO is computed, for output records.</summary>
    public const string Convention =
        "CSCV: rows split into S contiguous equal blocks (oldest T mod S rows dropped); every C(S,S/2) choice of in-sample blocks; " +
        "best in-sample configuration (lowest index on ties); w = OOS rank / (N+1), rank 1 = worst, ties share the average rank, NaN ranks lowest; " +
        "lambda = ln(w/(1-w)); PBO = share of splits with lambda <= 0";

    /// <summary>
    /// Runs CSCV over a row-major performance matrix (<paramref name="rows"/> periods × <paramref name="configurations"/>
    /// columns of per-period returns) with <paramref name="blocks"/> (even) blocks.
    /// </summary>
    public static OverfittingReport Cscv(ReadOnlySpan<double> performance, int rows, int configurations, int blocks, CscvMetric metric = CscvMetric.Mean)
    {
        if (rows < 1 || configurations < 1)
            throw new ArgumentException($"CSCV needs at least one row and one configuration, got {rows} x {configurations}");
        if (performance.Length != (long)rows * configurations)
            throw new ArgumentException($"performance has {performance.Length} cells but {rows} rows x {configurations} configurations = {(long)rows * configurations}", nameof(performance));
        if (blocks < 2 || blocks % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "CSCV needs an even number of blocks, at least 2");
        if (configurations < 2)
            throw new ArgumentException("CSCV ranks configurations against each other: it needs at least 2", nameof(configurations));
        var blockRows = rows / blocks;
        var minBlockRows = metric == CscvMetric.SharpeRatio && blocks == 2 ? 2 : 1;
        if (blockRows < minBlockRows)
            throw new ArgumentException($"{rows} rows cannot fill {blocks} blocks of at least {minBlockRows} row(s) each", nameof(rows));
        var splits = Binomial(blocks, blocks / 2);
        if (splits > MaxSplits)
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, $"S = {blocks} gives {splits} splits, more than {MaxSplits}: choose fewer blocks");
        for (var i = 0; i < performance.Length; i++)
            if (!double.IsFinite(performance[i]))
                throw new ArgumentException($"performance row {i / configurations}, configuration {i % configurations} is {performance[i]}: CSCV needs finite values", nameof(performance));

        var skip = rows - blockRows * blocks;
        var n = configurations;

        // Per block and configuration: mean and centred sum of squares, combined exactly per split (Chan et al.).
        var blockMean = new double[blocks * n];
        var blockM2 = new double[blocks * n];
        for (var b = 0; b < blocks; b++)
        {
            for (var j = 0; j < n; j++)
            {
                var first = performance[(skip + b * blockRows) * n + j];
                var sum = 0.0;
                var constant = true;
                for (var r = 0; r < blockRows; r++)
                {
                    var v = performance[(skip + b * blockRows + r) * n + j];
                    sum += v;
                    constant &= v == first;
                }
                // A constant block is summarised exactly (its value, no spread) so constant columns are recognised exactly.
                var mean = constant ? first : sum / blockRows;
                var m2 = 0.0;
                for (var r = 0; r < blockRows && !constant; r++)
                {
                    var d = performance[(skip + b * blockRows + r) * n + j] - mean;
                    m2 += d * d;
                }
                blockMean[b * n + j] = mean;
                blockM2[b * n + j] = m2;
            }
        }

        var half = blocks / 2;
        var logits = new double[splits];
        var selected = new int[splits];
        var inSample = new double[splits];
        var outOfSample = new double[splits];
        var isMetric = new double[n];
        var oosMetric = new double[n];
        var inSampleSet = new bool[blocks];
        Span<int> combination = stackalloc int[half];
        for (var k = 0; k < half; k++) combination[k] = k;

        var overfit = 0;
        var losses = 0;
        for (var s = 0; s < splits; s++)
        {
            Array.Clear(inSampleSet);
            foreach (var b in combination) inSampleSet[b] = true;
            for (var j = 0; j < n; j++)
            {
                isMetric[j] = Combine(blockMean, blockM2, blocks, n, j, blockRows, inSampleSet, true, metric);
                oosMetric[j] = Combine(blockMean, blockM2, blocks, n, j, blockRows, inSampleSet, false, metric);
            }

            var best = -1;
            for (var j = 0; j < n; j++)
                if (!double.IsNaN(isMetric[j]) && (best < 0 || isMetric[j] > isMetric[best])) best = j;
            if (best < 0)
                throw new ArgumentException($"split {s}: every configuration's in-sample {metric} is undefined (constant columns), so none can be selected", nameof(performance));

            var w = AverageRank(oosMetric, best) / (n + 1.0);
            logits[s] = Math.Log(w / (1.0 - w));
            if (logits[s] <= 0.0) overfit++;
            selected[s] = best;
            inSample[s] = isMetric[best];
            outOfSample[s] = oosMetric[best];
            if (outOfSample[s] < 0.0) losses++;

            NextCombination(combination, blocks);
        }

        var (slope, intercept) = OrdinaryLeastSquares(inSample, outOfSample);
        return new OverfittingReport((double)overfit / splits, blocks, blockRows * blocks, n, logits, selected, inSample, outOfSample,
            slope, intercept, (double)losses / splits, metric);
    }

    /// <summary>The metric of configuration j over the blocks on one side of the split, from per-block summaries.</summary>
    private static double Combine(double[] blockMean, double[] blockM2, int blocks, int n, int j, int blockRows, bool[] inSampleSet, bool side, CscvMetric metric)
    {
        var count = 0;
        var sumMeans = 0.0;
        for (var b = 0; b < blocks; b++)
        {
            if (inSampleSet[b] != side) continue;
            sumMeans += blockMean[b * n + j];
            count++;
        }
        var mean = sumMeans / count;
        if (metric == CscvMetric.Mean) return mean;

        var m2 = 0.0;
        var constant = true;
        var firstMean = double.NaN;
        for (var b = 0; b < blocks; b++)
        {
            if (inSampleSet[b] != side) continue;
            var bm = blockMean[b * n + j];
            var d = bm - mean;
            m2 += blockM2[b * n + j] + blockRows * d * d;
            if (double.IsNaN(firstMean)) firstMean = bm;
            constant &= blockM2[b * n + j] == 0.0 && bm == firstMean;
        }
        if (constant) return double.NaN;
        var sd = Math.Sqrt(m2 / (count * blockRows - 1));
        return sd > 0.0 ? mean / sd : double.NaN;
    }

    /// <summary>Rank of values[k] among all values, 1 = lowest, ties sharing their average rank, NaN below every number.</summary>
    private static double AverageRank(double[] values, int k)
    {
        var v = values[k];
        var below = 0;
        var ties = 0;
        for (var j = 0; j < values.Length; j++)
        {
            if (j == k) continue;
            var u = values[j];
            if (double.IsNaN(v))
            {
                if (double.IsNaN(u)) ties++;
            }
            else if (double.IsNaN(u) || u < v) below++;
            else if (u == v) ties++;
        }
        return below + 1 + ties / 2.0;
    }

    /// <summary>Advances a sorted k-subset of {0..n−1} to its lexicographic successor (wraps after the last).</summary>
    private static void NextCombination(Span<int> c, int n)
    {
        var k = c.Length;
        var i = k - 1;
        while (i >= 0 && c[i] == n - k + i) i--;
        if (i < 0) return;
        c[i]++;
        for (var j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
    }

    private static int Binomial(int n, int k)
    {
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
            if (result > int.MaxValue) return int.MaxValue;
        }
        return (int)result;
    }

    private static (double Slope, double Intercept) OrdinaryLeastSquares(double[] x, double[] y)
    {
        var n = x.Length;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (y[i] - my);
        }
        if (!(sxx > 0.0)) return (double.NaN, double.NaN);
        var slope = sxy / sxx;
        return (slope, my - slope * mx);
    }
}
