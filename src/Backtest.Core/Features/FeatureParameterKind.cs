namespace Backtest.Core.Features;

/// <summary>How a feature parameter's number must look: whole bars and counts, or any real value.</summary>
public enum FeatureParameterKind
{
    /// <summary>A whole number (windows, periods, bar counts, 0/1 flags).</summary>
    Integer,

    /// <summary>Any finite real number within the range.</summary>
    Number,
}
