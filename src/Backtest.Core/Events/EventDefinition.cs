using System.Text.RegularExpressions;
using Backtest.Core.Expressions;

using Backtest.Core.Market;

namespace Backtest.Core.Events;

/// <summary>
/// What an event spec (spec/events/&lt;id&gt;.yaml) means once loaded: fire where the boolean <see cref="When"/>
/// holds, at most once per <see cref="Cooldown"/> bars, with a side and a strength. Validated on
/// construction so a bad definition never reaches detection.
/// </summary>
public sealed partial record EventDefinition
{
    /// <summary>Checks and creates a definition; <paramref name="strength"/> null means strength 1 on every occurrence.</summary>
    public EventDefinition(string id, ParsedExpression when, int cooldown, EventSide side, ParsedExpression? strength = null, string description = "")
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(description);
        if (!IdPattern().IsMatch(id))
            throw new ArgumentException($"event id '{id}' must match [a-z_][a-z0-9_]* (it names files and lake folders)", nameof(id));
        if (when.ResultType != ExpressionType.Boolean)
            throw new ArgumentException($"event '{id}': 'when' must be a boolean condition but '{when}' is a number", nameof(when));
        if (cooldown < 0)
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, $"event '{id}': cooldown must be 0 or more bars");
        if (!Enum.IsDefined(side))
            throw new ArgumentOutOfRangeException(nameof(side), side, $"event '{id}': side must be -1 (short), 0 (none) or +1 (long)");
        if (strength is not null && strength.ResultType != ExpressionType.Number)
            throw new ArgumentException($"event '{id}': 'strength' must be a number but '{strength}' is a boolean condition", nameof(strength));
        Id = id;
        When = when;
        Cooldown = cooldown;
        Side = side;
        Strength = strength;
        Description = description;
    }

    /// <summary>Event id (file name without extension).</summary>
    public string Id { get; }

    /// <summary>The condition: a boolean expression over bar fields and features.</summary>
    public ParsedExpression When { get; }

    /// <summary>Minimum bars between two firings (0: every true bar). Equal to a horizon, it keeps forward windows disjoint.</summary>
    public int Cooldown { get; }

    /// <summary>Direction stamped on every occurrence.</summary>
    public EventSide Side { get; }

    /// <summary>Optional numeric expression giving each occurrence's strength; null means 1.</summary>
    public ParsedExpression? Strength { get; }

    /// <summary>Free text for reports.</summary>
    public string Description { get; }

    /// <summary>Every column the event reads (condition and strength), distinct and sorted: what the Events stage loads.</summary>
    public IReadOnlyList<string> Identifiers =>
        Strength is null ? When.Identifiers : When.Identifiers.Union(Strength.Identifiers, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Bars of history the condition and strength need (see <see cref="ParsedExpression.MaxLookback"/>).</summary>
    public int MaxLookback => Math.Max(When.MaxLookback, Strength?.MaxLookback ?? 0);

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex IdPattern();
}
