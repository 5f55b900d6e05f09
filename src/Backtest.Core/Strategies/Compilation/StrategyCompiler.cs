using System.Globalization;
using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Expressions;
using Backtest.Core.Features.Kernels;

namespace Backtest.Core.Strategies.Compilation;

/// <summary>
/// The interpreter: turns a blueprint plus bars into the <see cref="Strategy"/> the research kernel runs, by
/// evaluating its expressions over whole columns at bar close (point in time: the value at bar t reads bars ≤ t).
/// <list type="bullet">
/// <item>entry = trigger ∧ filter, and never on a forward-filled bar (nothing was observed there); an event trigger
/// fires where its condition holds on an observed bar, thinned by the event's cooldown, exactly as the Events stage
/// detects it;</item>
/// <item>exit = the exit.when condition on every bar (a filled bar may end a position: leaving is never look-ahead);</item>
/// <item>ATR = the column exit.atr names (a feature such as atr_14), or, when the column source has none and the name is
/// atr_&lt;period&gt;, Wilder's ATR of that period computed here with the Core kernel.</item>
/// </list>
/// Pure and IO-free; the walk-forward stage calls it once per fold and blueprint with lake columns.
/// </summary>
public static class StrategyCompiler
{
    private const string AtrPrefix = "atr_";

    /// <summary>
    /// The column names (bar fields and features) the blueprint reads, distinct and sorted ordinally: its trigger
    /// event's condition or trigger.when, trigger.filter, exit.when, and exit.atr when a stop uses it. What a stage
    /// loads before calling <see cref="Compile"/>. Throws <see cref="StrategyCompilationException"/> for an
    /// unknown event or an expression that does not parse.
    /// </summary>
    public static IReadOnlyList<string> RequiredColumns(Blueprint blueprint, IReadOnlyDictionary<string, EventDefinition> events)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(events);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var trigger = blueprint.Trigger;
        if (trigger.Event is { } eventId) names.UnionWith(Event(blueprint, eventId, events).When.Identifiers);
        if (trigger.When is { } when) names.UnionWith(Parse(blueprint, when, BlueprintFields.TriggerWhen).Identifiers);
        if (trigger.Filter is { } filter) names.UnionWith(Parse(blueprint, filter, BlueprintFields.TriggerFilter).Identifiers);
        if (blueprint.Exit.When is { } exit) names.UnionWith(Parse(blueprint, exit, BlueprintFields.ExitWhen).Identifiers);
        if (UsesAtr(blueprint) && blueprint.Exit.Atr is { } atr) names.Add(atr);
        return [.. names];
    }

    /// <summary>
    /// Compiles <paramref name="blueprint"/> over <paramref name="bars"/>. <paramref name="column"/> returns the
    /// column of a feature (one value per bar) or null when it has none; bar fields come from the frame.
    /// <paramref name="events"/> are the event definitions a trigger.event may name. Throws
    /// <see cref="BlueprintValidationException"/> for an invalid blueprint and <see cref="StrategyCompilationException"/>
    /// (with the key and name) when it does not fit the bars or the columns.
    /// </summary>
    public static Strategy Compile(Blueprint blueprint, BarFrame bars, Func<string, double[]?> column, IReadOnlyDictionary<string, EventDefinition> events)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(events);
        BlueprintValidator.EnsureValid(blueprint);
        if (blueprint.Timeframe != bars.Timeframe)
            throw new StrategyCompilationException(blueprint.Id, BlueprintFields.Timeframe, null,
                $"is {blueprint.Timeframe} but the bars of {bars.Symbol} are {bars.Timeframe}: horizons and stops would be counted in the wrong bars");

        var n = bars.Count;
        var columns = new CompilationColumns(blueprint.Id, bars, column);
        var trigger = blueprint.Trigger;
        bool[] entry;
        if (trigger.Event is { } eventId)
        {
            var definition = Event(blueprint, eventId, events);
            columns.Require(definition.When, BlueprintFields.TriggerEvent, $"event '{eventId}'");
            entry = EventSignal(definition, columns, bars);
        }
        else
        {
            var when = Parse(blueprint, trigger.When!, BlueprintFields.TriggerWhen);
            columns.Require(when, BlueprintFields.TriggerWhen);
            entry = when.EvaluateBool(columns, n);
        }
        if (trigger.Filter is { } filterText)
        {
            var filter = Parse(blueprint, filterText, BlueprintFields.TriggerFilter);
            columns.Require(filter, BlueprintFields.TriggerFilter);
            var pass = filter.EvaluateBool(columns, n);
            for (var t = 0; t < n; t++) entry[t] &= pass[t];
        }
        var filled = bars.IsFilled;
        for (var t = 0; t < n; t++) entry[t] &= !filled[t];

        bool[]? exit = null;
        if (blueprint.Exit.When is { } exitText)
        {
            var condition = Parse(blueprint, exitText, BlueprintFields.ExitWhen);
            columns.Require(condition, BlueprintFields.ExitWhen);
            exit = condition.EvaluateBool(columns, n);
        }

        var atr = UsesAtr(blueprint) ? AtrColumn(blueprint, bars, columns) : null;
        return Strategy.FromBlueprint(blueprint, entry, exit, atr);
    }

    /// <summary>True when the name is one the compiler can compute itself when no column answers to it: atr_&lt;period&gt;, period ≥ 1.</summary>
    public static bool IsComputedAtr(string name) => AtrPeriod(name) is not null;

    /// <summary>The event's firings as a per-bar signal: condition on observed bars, then the cooldown (as the Events stage).</summary>
    private static bool[] EventSignal(EventDefinition definition, CompilationColumns columns, BarFrame bars)
    {
        var n = bars.Count;
        var when = definition.When.EvaluateBool(columns, n);
        var filled = bars.IsFilled;
        for (var t = 0; t < n; t++) when[t] &= !filled[t];
        if (definition.Cooldown <= 1) return when; // every true bar fires: the condition is the signal
        var occurrences = EventDetector.Detect(when, definition.Cooldown, definition.Side);
        Array.Clear(when);
        foreach (var bar in occurrences.BarIndex) when[bar] = true;
        return when;
    }

    private static double[] AtrColumn(Blueprint blueprint, BarFrame bars, CompilationColumns columns)
    {
        var name = blueprint.Exit.Atr!;
        if (columns.TryResolve(name, BlueprintFields.ExitAtr) is { } given) return given;
        if (AtrPeriod(name) is not { } period)
            throw new StrategyCompilationException(blueprint.Id, BlueprintFields.ExitAtr, name,
                $"names '{name}', which is neither a column the compiler was given nor atr_<period> (an ATR it can compute, e.g. atr_14)");
        var atr = new double[bars.Count];
        FeatureKernels.Atr(bars.High, bars.Low, bars.Close, period, atr);
        return atr;
    }

    private static int? AtrPeriod(string name)
    {
        if (!name.StartsWith(AtrPrefix, StringComparison.Ordinal)) return null;
        var digits = name.AsSpan(AtrPrefix.Length);
        if (digits.IsEmpty || digits[0] == '0' || digits.Length > 6) return null;
        foreach (var c in digits) if (c is < '0' or > '9') return null;
        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static bool UsesAtr(Blueprint blueprint) => blueprint.Exit.StopLossAtr is not null || blueprint.Exit.TakeProfitAtr is not null;

    private static EventDefinition Event(Blueprint blueprint, string id, IReadOnlyDictionary<string, EventDefinition> events) =>
        events.TryGetValue(id, out var definition)
            ? definition
            : throw new StrategyCompilationException(blueprint.Id, BlueprintFields.TriggerEvent, id,
                $"names event '{id}', which is not among the {events.Count} event definitions given" + Text.Suggest.Hint(id, events.Keys));

    private static ParsedExpression Parse(Blueprint blueprint, string text, string field)
    {
        try
        {
            return Expression.Parse(text, ExpressionType.Boolean);
        }
        catch (ExpressionException e)
        {
            throw new StrategyCompilationException(blueprint.Id, field, null, $"'{text}' is not a valid condition: column {e.Column}: {e.Reason}", e);
        }
    }
}
