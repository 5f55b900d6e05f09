namespace Backtest.Core.Statistics;

/// <summary>Which false-discovery-rate adjustment turns a family of p-values into q-values.</summary>
public enum FdrMethod
{
    /// <summary>Benjamini–Yekutieli (2001): BH times c(m) = Σ 1/j, valid under arbitrary dependence (the default).</summary>
    BenjaminiYekutieli = 0,

    /// <summary>Benjamini–Hochberg (1995): valid under independence or positive regression dependence.</summary>
    BenjaminiHochberg = 1,
}
