namespace Backtest.Core.Market;

/// <summary>Which instrument family a symbol trades as: it decides funding (perp) versus borrow (spot shorts).</summary>
public enum MarketKind
{
    /// <summary>USDT-margined perpetual future (lake folder "perp").</summary>
    Perp,
    /// <summary>Spot market (lake folder "spot").</summary>
    Spot,
}

/// <summary>Lake folder names of <see cref="MarketKind"/>.</summary>
public static class MarketKindNames
{
    /// <summary>"perp" or "spot".</summary>
    public static string ToFolder(this MarketKind kind) => kind == MarketKind.Perp ? "perp" : "spot";

    /// <summary>Parses "perp" or "spot" (case-insensitive).</summary>
    public static bool TryParse(string? text, out MarketKind kind)
    {
        kind = MarketKind.Perp;
        if (string.Equals(text, "perp", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(text, "spot", StringComparison.OrdinalIgnoreCase)) { kind = MarketKind.Spot; return true; }
        return false;
    }
}
