using System.Globalization;
using Backtest.Core.Expressions;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Text;
using Backtest.Core.Time;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Backtest.Lake.Specs;

/// <summary>
/// Reads a blueprint file: YAML written by hand (the JSON schema's snake_case keys; <c>entry</c> may be omitted, it
/// has one value) or JSON compiled by the Blueprints stage (read by <see cref="BlueprintJson"/>, as strictly as the
/// pipeline reads it). Either way the result is validated before anyone trades it: <see cref="BlueprintValidator"/>,
/// the trigger event exists, every expression parses as a condition over known names, exit.atr names a column, and an
/// exit can fire. Every failure is a <see cref="SpecException"/> at the offending line and column of the file.
/// </summary>
public static class BlueprintFile
{
    private static readonly string[] Keys =
        ["id", "symbol", "market", "timeframe", "trigger", "direction", "entry", "exit", "sizing", "provenance", "cost_digest"];
    private static readonly string[] TriggerKeys = ["event", "when", "filter"];
    private static readonly string[] EntryKeys = ["order"];
    private static readonly string[] ExitKeys = ["time_stop_bars", "when", "stop_loss_atr", "take_profit_atr", "atr"];
    private static readonly string[] ProvenanceKeys = ["hypothesis", "window", "spec_digest", "data_digest"];
    private static readonly string[] WindowKeys = ["id", "from_ts", "to_ts"];
    private static readonly Dictionary<string, string[]> SizingKeys = new(StringComparer.Ordinal)
    {
        ["fixed_units"] = ["kind", "units"],
        ["fixed_notional"] = ["kind", "notional"],
        ["risk_budget"] = ["kind", "annual_volatility_target", "volatility_window_days"],
    };

    /// <summary>
    /// Loads and validates the blueprint at <paramref name="path"/> (named as given in messages).
    /// <paramref name="knownNames"/> are the columns expressions may read (bar fields and feature ids);
    /// <paramref name="events"/> the event ids a trigger may name.
    /// </summary>
    public static Blueprint Load(string path, IReadOnlySet<string> knownNames, IReadOnlySet<string> events)
    {
        if (!File.Exists(path)) throw new SpecException(path, 1, 1, "file not found");
        return Parse(path, File.ReadAllText(path), knownNames, events);
    }

    /// <summary>Parses and validates blueprint text; <paramref name="file"/> names it in messages and decides JSON (.json) or YAML.</summary>
    public static Blueprint Parse(string file, string text, IReadOnlySet<string> knownNames, IReadOnlySet<string> events)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        ArgumentNullException.ThrowIfNull(events);
        Blueprint blueprint;
        SpecMap tree;
        if (IsJson(file, text))
        {
            try
            {
                blueprint = BlueprintJson.Deserialize(text);
            }
            catch (BlueprintFormatException e)
            {
                throw new SpecException(file, (int)e.Line, (int)e.Column, e.Problem);
            }
            tree = PositionsOfJson(file, text);
        }
        else
        {
            tree = SpecNode.ParseMap(file, text);
            blueprint = FromYaml(tree);
        }
        Check(blueprint, tree, knownNames, events);
        return blueprint;
    }

    private static bool IsJson(string file, string text)
    {
        var extension = Path.GetExtension(file);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase)) return true;
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)) return false;
        return text.AsSpan().TrimStart().StartsWith("{");
    }

    /// <summary>JSON is YAML: its node tree gives the positions validation issues are reported at.</summary>
    private static SpecMap PositionsOfJson(string file, string text)
    {
        try
        {
            return SpecNode.ParseMap(file, text);
        }
        catch (SpecException)
        {
            return new SpecMap(file, new Mark(0, 1, 1), new YamlMappingNode()); // issues then point at the file's start
        }
    }

    private static Blueprint FromYaml(SpecMap map)
    {
        map.RejectUnknownKeys(Keys);
        var id = map.RequireString("id");
        var symbol = map.RequireString("symbol");
        var marketNode = map.RequireScalar("market");
        var market = marketNode.Text switch
        {
            "perp" => MarketKind.Perp,
            "spot" => MarketKind.Spot,
            _ => throw marketNode.Error($"market is perp or spot, found {marketNode.Describe()}"),
        };
        var timeframeNode = map.RequireScalar("timeframe");
        if (!Timeframe.TryParse(timeframeNode.Text, out var timeframe))
            throw timeframeNode.Error($"timeframe is a number followed by m, h or d (e.g. 5m, 1h, 1d), found {timeframeNode.Describe()}");
        var directionNode = map.RequireScalar("direction");
        if (!DirectionNames.TryParse(directionNode.Text, out var direction))
            throw directionNode.Error($"direction is long or short, found {directionNode.Describe()}");

        var triggerMap = map.RequireMap("trigger");
        RejectCutExpressions(triggerMap);
        triggerMap.RejectUnknownKeys(TriggerKeys);
        var trigger = new Trigger(triggerMap.OptionalString("event"), triggerMap.OptionalString("when"), triggerMap.OptionalString("filter"));

        var entry = new EntryPolicy();
        if (map.OptionalMap("entry") is { } entryMap)
        {
            entryMap.RejectUnknownKeys(EntryKeys);
            if (entryMap.OptionalScalar("order") is { } order && order.Text != "next_open")
                throw order.Error($"entry.order is next_open (a market order at the next bar's open), found {order.Describe()}");
        }

        var exitMap = map.RequireMap("exit");
        RejectCutExpressions(exitMap);
        exitMap.RejectUnknownKeys(ExitKeys);
        var exit = new ExitPolicy(exitMap.OptionalInt("time_stop_bars"), exitMap.OptionalString("when"),
            exitMap.OptionalDouble("stop_loss_atr"), exitMap.OptionalDouble("take_profit_atr"), exitMap.OptionalString("atr"));

        var sizing = ReadSizing(map.RequireMap("sizing"));

        BlueprintProvenance? provenance = null;
        if (map.OptionalMap("provenance") is { } p)
        {
            p.RejectUnknownKeys(ProvenanceKeys);
            var w = p.RequireMap("window");
            w.RejectUnknownKeys(WindowKeys);
            provenance = new BlueprintProvenance(p.RequireString("hypothesis"),
                new ResearchWindow(w.RequireString("id"), Long(w.RequireScalar("from_ts")), Long(w.RequireScalar("to_ts"))),
                p.RequireString("spec_digest"), p.RequireString("data_digest"));
        }

        return new Blueprint(id, symbol, market, timeframe, trigger, direction, entry, exit, sizing, provenance, map.OptionalString("cost_digest"));
    }

    /// <summary>
    /// In a flow mapping ({when: cross_above(a, b)}) YAML ends a plain value at a comma, so the rest of the expression
    /// turns up as a key: say what happened instead of "unknown key 'b)'".
    /// </summary>
    private static void RejectCutExpressions(SpecMap map)
    {
        foreach (var (key, _) in map.Entries)
            if (key.Text.AsSpan().IndexOfAny("(), <>=") >= 0)
                throw key.Error($"'{key.Text}' looks like the rest of an expression that YAML cut at a comma: inside {{ }} quote expressions that hold commas, e.g. {{when: \"cross_above(a, b)\"}}, or write the key on its own line");
    }

    private static Sizing ReadSizing(SpecMap map)
    {
        var kindNode = map.RequireScalar("kind");
        if (!SizingKeys.TryGetValue(kindNode.Text, out var keys))
            throw kindNode.Error($"sizing.kind is fixed_units, fixed_notional or risk_budget, found {kindNode.Describe()}" +
                                 Suggest.Hint(kindNode.Text, SizingKeys.Keys));
        map.RejectUnknownKeys(keys, $"{kindNode.Text} sizing key");
        return kindNode.Text switch
        {
            "fixed_units" => new FixedUnitsSizing(map.RequireDouble("units")),
            "fixed_notional" => new FixedNotionalSizing(map.RequireDouble("notional")),
            _ => new RiskBudgetSizing(map.RequireDouble("annual_volatility_target"), map.OptionalInt("volatility_window_days") ?? 30),
        };
    }

    private static long Long(SpecScalar s) =>
        s.IsNull || !long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? throw s.Error($"expected a whole number (int64 ms UTC), found {s.Describe()}")
            : v;

    /// <summary>Everything a loaded blueprint must satisfy before it can be traded, each failure at its place in the file.</summary>
    private static void Check(Blueprint blueprint, SpecMap tree, IReadOnlySet<string> knownNames, IReadOnlySet<string> events)
    {
        var issues = BlueprintValidator.Validate(blueprint);
        if (issues.Count > 0)
        {
            var first = issues[0];
            var more = issues.Count > 1 ? $" ({issues.Count - 1} more: {string.Join(", ", issues.Skip(1).Select(i => i.Path))})" : "";
            throw Locate(tree, first.Path).Error($"{first.Path} {first.Message}{more}");
        }

        var triggerMap = tree.OptionalMap("trigger");
        if (blueprint.Trigger.Event is { } eventId && !events.Contains(eventId))
        {
            var node = Locate(tree, BlueprintFields.TriggerEvent);
            throw node.Error(Suggest.Nearest(eventId, events) is { } near
                ? $"unknown event '{eventId}' (did you mean '{near}'?)"
                : $"unknown event '{eventId}': no spec/events/{eventId}.yaml");
        }
        Condition(tree, triggerMap?.OptionalScalar("when"), blueprint.Trigger.When, knownNames);
        Condition(tree, triggerMap?.OptionalScalar("filter"), blueprint.Trigger.Filter, knownNames);
        var exitWhen = Condition(tree, tree.OptionalMap("exit")?.OptionalScalar("when"), blueprint.Exit.When, knownNames);

        var exit = blueprint.Exit;
        var usesAtr = exit.StopLossAtr is not null || exit.TakeProfitAtr is not null;
        if (usesAtr && exit.Atr is { } atr && !knownNames.Contains(atr) && !StrategyCompiler.IsComputedAtr(atr))
            throw Locate(tree, BlueprintFields.ExitAtr).Error(
                $"unknown ATR column '{atr}'{Suggest.Hint(atr, knownNames)}: exit.atr names an ATR feature or atr_<period>, which the engine computes (e.g. atr_20)");
        if (exitWhen?.ToString() == "false" && exit.TimeStopBars is null && !usesAtr)
            throw Locate(tree, BlueprintFields.ExitWhen).Error(
                "exit.when is always false and there is no time stop or ATR stop: the exit can never fire, so a position would never close");
    }

    /// <summary>Parses a condition against the known names with errors at the token; null when the key is absent.</summary>
    private static ParsedExpression? Condition(SpecMap tree, SpecScalar? node, string? text, IReadOnlySet<string> knownNames)
    {
        if (text is null) return null;
        if (node is not null) return EventLoader.ParseExpression(node, ExpressionType.Boolean, knownNames);
        try
        {
            return Expression.Parse(text, ExpressionType.Boolean, knownNames);
        }
        catch (ExpressionException e)
        {
            throw tree.Error(e.Message); // JSON whose node tree could not be read: the position inside the file is unknown
        }
    }

    /// <summary>
    /// The node a dotted key path names, or its nearest present ancestor; a mapping is reported at its key, where
    /// the reader's eye goes.
    /// </summary>
    private static SpecNode Locate(SpecMap root, string path)
    {
        SpecNode node = root;
        SpecScalar? key = null;
        foreach (var part in path.Split('.'))
        {
            if (node is not SpecMap map || map.Find(part) is not { } child) break;
            key = map.KeyNode(part);
            node = child;
        }
        return node is SpecMap && key is not null ? key : node;
    }
}
