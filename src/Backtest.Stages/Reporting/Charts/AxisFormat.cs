namespace Backtest.Stages.Reporting.Charts;

/// <summary>How a value axis and its value labels print numbers.</summary>
public enum AxisFormat
{
    /// <summary>Amounts (USDT): thousands separators, k/M/B/T suffixes on axes once values reach 10,000.</summary>
    Amount,
    /// <summary>Fractions shown as percent (0.0123 → 1.23%).</summary>
    Percent,
}
