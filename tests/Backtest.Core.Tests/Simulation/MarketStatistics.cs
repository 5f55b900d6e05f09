namespace Backtest.Core.Tests.Simulation;

/// <summary>Plain textbook estimators the simulation tests measure stylised facts with (written out, no library).</summary>
internal static class MarketStatistics
{
    public static double[] LogReturns(double[] close)
    {
        var r = new double[close.Length - 1];
        for (var i = 1; i < close.Length; i++) r[i - 1] = Math.Log(close[i] / close[i - 1]);
        return r;
    }

    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

    /// <summary>Sample standard deviation (n − 1).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> x)
    {
        var m = Mean(x);
        double s = 0;
        foreach (var v in x) s += (v - m) * (v - m);
        return Math.Sqrt(s / (x.Length - 1));
    }

    /// <summary>Sample autocorrelation at <paramref name="lag"/> (biased, the usual ACF estimator).</summary>
    public static double Autocorrelation(ReadOnlySpan<double> x, int lag)
    {
        var m = Mean(x);
        double num = 0, den = 0;
        for (var i = 0; i < x.Length; i++)
        {
            den += (x[i] - m) * (x[i] - m);
            if (i >= lag) num += (x[i] - m) * (x[i - lag] - m);
        }
        return num / den;
    }

    /// <summary>Population excess kurtosis (normal = 0).</summary>
    public static double ExcessKurtosis(ReadOnlySpan<double> x)
    {
        var m = Mean(x);
        double m2 = 0, m4 = 0;
        foreach (var v in x)
        {
            var d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.Length;
        m4 /= x.Length;
        return m4 / (m2 * m2) - 3;
    }

    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var mx = Mean(x);
        var my = Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    public static double Median(IEnumerable<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }

    public static double[] Abs(ReadOnlySpan<double> x)
    {
        var a = new double[x.Length];
        for (var i = 0; i < x.Length; i++) a[i] = Math.Abs(x[i]);
        return a;
    }

    /// <summary>Rows of a vectors CSV (header row first; '#' lines are comments).</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "vectors", "simulation", name);
        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(',');
            if (header is null) { header = cells; continue; }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row[header[i]] = cells[i];
            yield return row;
        }
    }
}
