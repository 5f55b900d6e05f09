using Backtest.Core.Market;

namespace Backtest.Core.Market;

/// <summary>The side a hypothesis (and the strategy compiled from it) takes after an event.</summary>
public enum Direction
{
    /// <summary>Expect the price to rise: d = +1.</summary>
    Long = 1,
    /// <summary>Expect the price to fall: d = −1.</summary>
    Short = -1,
}

/// <summary>Text forms and signs of <see cref="Direction"/>.</summary>
public static class DirectionNames
{
    /// <summary>+1 or −1.</summary>
    public static int Sign(this Direction d) => (int)d;

    /// <summary>"long" or "short".</summary>
    public static string ToText(this Direction d) => d == Direction.Long ? "long" : "short";

    /// <summary>Parses "long" / "short".</summary>
    public static bool TryParse(string? text, out Direction direction)
    {
        direction = Direction.Long;
        switch (text)
        {
            case "long": return true;
            case "short": direction = Direction.Short; return true;
            default: return false;
        }
    }
}
