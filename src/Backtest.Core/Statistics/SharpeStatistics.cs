namespace Backtest.Core.Statistics;

/// <summary>
/// Sharpe ratio inference (STATISTICS.md §4): the Probabilistic Sharpe Ratio, minimum track record length,
/// the expected maximum Sharpe of N null trials and the Deflated Sharpe Ratio (Bailey &amp; López de Prado),
/// plus Lo's (2002) time aggregation. All Sharpes are per period; kurtosis is RAW (normal = 3).
/// </summary>
public static class SharpeStatistics
{
    /// <summary>The Euler–Mascheroni constant γ used by the expected-maximum approximation.</summary>
    public const double EulerMascheroni = 0.5772156649015329;

    /// <summary>How the Sharpe statistics are computed, for output records.</summary>
    public const string Convention =
        "per-period SR = mean / sd (ddof=1); population skewness; RAW population kurtosis (normal = 3); " +
        "PSR(SR*) = Phi((SR - SR*) sqrt(T-1) / sqrt(1 - g3 SR + (g4-1)/4 SR^2)); " +
        "SR0 = sqrt(V) ((1-gamma) Phi^-1(1-1/N) + gamma Phi^-1(1-1/(N e))), SR0 = 0 for N = 1, V = variance (ddof=1) of trial SRs; DSR = PSR(SR0)";

    /// <summary>Per-period Sharpe ratio mean / sd (ddof = 1) of <paramref name="returns"/>; NaN for n &lt; 2 or zero variance.</summary>
    public static double SharpeRatio(ReadOnlySpan<double> returns) => SampleMoments.Of(returns).SharpeRatio;

    /// <summary>
    /// PSR(SR*) = Φ((SR − SR*)·√(T − 1) / √(1 − γ3·SR + ((γ4 − 1)/4)·SR²)): the probability that the true
    /// Sharpe exceeds <paramref name="benchmark"/> given T observations and non-normal returns. NaN when T &lt; 2,
    /// an input is NaN, or the variance term is not positive.
    /// </summary>
    public static double Probabilistic(double sharpe, double benchmark, int observations, double skewness, double rawKurtosis)
    {
        if (observations < 2) return double.NaN;
        var variance = SharpeVarianceTerm(sharpe, skewness, rawKurtosis);
        if (!(variance > 0.0)) return double.NaN;
        return StandardNormal.Cdf((sharpe - benchmark) * Math.Sqrt(observations - 1.0) / Math.Sqrt(variance));
    }

    /// <summary>PSR(<paramref name="benchmark"/>) of a return series, moments estimated from it.</summary>
    public static double Probabilistic(ReadOnlySpan<double> returns, double benchmark)
    {
        var m = SampleMoments.Of(returns);
        return Probabilistic(m.SharpeRatio, benchmark, m.Count, m.Skewness, m.RawKurtosis);
    }

    /// <summary>
    /// MinTRL = 1 + (1 − γ3·SR + ((γ4−1)/4)·SR²)·(z / (SR − SR*))², z = Φ⁻¹(confidence): the number of
    /// observations needed for PSR(SR*) to reach the confidence. +∞ when SR ≤ SR* (never reached).
    /// </summary>
    public static double MinimumTrackRecordLength(double sharpe, double benchmark, double skewness, double rawKurtosis, double confidence = 0.95)
    {
        if (!(confidence > 0.0 && confidence < 1.0))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie strictly between 0 and 1");
        var variance = SharpeVarianceTerm(sharpe, skewness, rawKurtosis);
        if (double.IsNaN(variance) || double.IsNaN(benchmark)) return double.NaN;
        if (sharpe <= benchmark) return double.PositiveInfinity;
        var z = StandardNormal.Quantile(confidence);
        var ratio = z / (sharpe - benchmark);
        return 1.0 + variance * ratio * ratio;
    }

    /// <summary>
    /// E[max of N iid standard normals] ≈ (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) (N=100 → 2.530603). The
    /// approximation diverges to −∞ at N = 1, where the exact value is 0 (one trial is not a selection): 0 is returned.
    /// </summary>
    public static double ExpectedMaxStandardNormal(int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (trials == 1) return 0.0;
        return (1.0 - EulerMascheroni) * StandardNormal.Quantile(1.0 - 1.0 / trials)
             + EulerMascheroni * StandardNormal.Quantile(1.0 - 1.0 / (trials * Math.E));
    }

    /// <summary>SR0 = √V · E[max of N standard normals]: the best per-period Sharpe expected from N null trials.</summary>
    public static double ExpectedMaxSharpe(int trials, double trialSharpeVariance)
    {
        if (!(trialSharpeVariance >= 0.0))
            throw new ArgumentOutOfRangeException(nameof(trialSharpeVariance), trialSharpeVariance, "the variance of the trials' Sharpe ratios must be a non-negative number");
        return Math.Sqrt(trialSharpeVariance) * ExpectedMaxStandardNormal(trials);
    }

    /// <summary>DSR = PSR(SR0) from summary inputs (the form of the Bailey &amp; López de Prado example).</summary>
    public static DeflatedSharpe Deflated(double sharpe, int observations, double skewness, double rawKurtosis, int trials, double trialSharpeVariance)
    {
        var sr0 = ExpectedMaxSharpe(trials, trialSharpeVariance);
        return new DeflatedSharpe(sharpe, observations, skewness, rawKurtosis, trials, trialSharpeVariance, sr0,
            Probabilistic(sharpe, sr0, observations, skewness, rawKurtosis));
    }

    /// <summary>
    /// DSR of the selected strategy's <paramref name="returns"/> given the per-period Sharpes of every trial tested
    /// (including the selected one): N = their count, V = their sample variance (ddof = 1, 0 for one trial).
    /// NaN trial Sharpes are rejected: an untestable trial must be left out explicitly, not silently.
    /// </summary>
    public static DeflatedSharpe Deflated(ReadOnlySpan<double> returns, ReadOnlySpan<double> trialSharpes)
    {
        if (trialSharpes.Length == 0) throw new ArgumentException("DSR needs at least one trial Sharpe ratio (the selected strategy itself)", nameof(trialSharpes));
        for (var i = 0; i < trialSharpes.Length; i++)
            if (!double.IsFinite(trialSharpes[i]))
                throw new ArgumentException($"trial Sharpe at index {i} is {trialSharpes[i]}: every trial counted in N needs a finite Sharpe", nameof(trialSharpes));
        var trials = SampleMoments.Of(trialSharpes);
        var variance = trialSharpes.Length == 1 ? 0.0 : trials.StandardDeviation * trials.StandardDeviation;
        var m = SampleMoments.Of(returns);
        return Deflated(m.SharpeRatio, m.Count, m.Skewness, m.RawKurtosis, trialSharpes.Length, variance);
    }

    /// <summary>
    /// Lo (2002): SR(q) = q / √(q + 2 Σ_{k=1}^{q−1} (q − k) ρ_k) · SR, the Sharpe of q-period sums when
    /// per-period returns have autocorrelations <paramref name="autocorrelations"/>[k−1] = ρ_k (needs q − 1 of
    /// them). With all ρ = 0 it is the familiar √q·SR. NaN when the variance term is not positive.
    /// </summary>
    public static double ScaleLo(double sharpe, int periods, ReadOnlySpan<double> autocorrelations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        if (autocorrelations.Length < periods - 1)
            throw new ArgumentException($"scaling over {periods} periods needs {periods - 1} autocorrelations, got {autocorrelations.Length}", nameof(autocorrelations));
        var denominator = (double)periods;
        for (var k = 1; k < periods; k++) denominator += 2.0 * (periods - k) * autocorrelations[k - 1];
        return denominator > 0.0 ? periods / Math.Sqrt(denominator) * sharpe : double.NaN;
    }

    /// <summary>
    /// Sample autocorrelations ρ_k = γ_k / γ_0 for k = 1..<paramref name="autocorrelations"/>.Length, with the
    /// biased (1/T) autocovariances of the usual ACF estimator; NaN for a series without variance.
    /// </summary>
    public static void Autocorrelations(ReadOnlySpan<double> returns, Span<double> autocorrelations)
    {
        var t = returns.Length;
        var sum = 0.0;
        foreach (var v in returns) sum += v;
        var mean = t > 0 ? sum / t : double.NaN;
        var gamma0 = NeweyWest.Autocovariance(returns, mean, 0);
        for (var k = 1; k <= autocorrelations.Length; k++)
            autocorrelations[k - 1] = k < t && gamma0 > 0.0 ? NeweyWest.Autocovariance(returns, mean, k) / gamma0 : double.NaN;
    }

    /// <summary>√periods · SR: annualisation that is exact only for serially uncorrelated returns (see <see cref="ScaleLo"/>).</summary>
    public static double AnnualiseIid(double sharpe, double periodsPerYear) => sharpe * Math.Sqrt(periodsPerYear);

    /// <summary>1 − γ3·SR + ((γ4 − 1)/4)·SR², the non-normality factor in the variance of the Sharpe estimator.</summary>
    private static double SharpeVarianceTerm(double sharpe, double skewness, double rawKurtosis) =>
        1.0 - skewness * sharpe + (rawKurtosis - 1.0) / 4.0 * sharpe * sharpe;
}
