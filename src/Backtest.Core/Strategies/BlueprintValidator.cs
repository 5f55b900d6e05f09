using System.Globalization;
using System.Text.RegularExpressions;

using Backtest.Core.Market;

namespace Backtest.Core.Strategies;

/// <summary>
/// Semantic checks of a parsed blueprint, with messages that name the key (snake_case path) and say why the value
/// cannot be traded. The Lake prefixes file and line. Shape errors are <see cref="BlueprintJson"/>'s.
/// </summary>
public static partial class BlueprintValidator
{
    /// <summary>Every issue, in path order; empty when the blueprint can be traded.</summary>
    public static IReadOnlyList<BlueprintIssue> Validate(Blueprint b)
    {
        var issues = new List<BlueprintIssue>();
        if (string.IsNullOrEmpty(b.Id) || !IdPattern().IsMatch(b.Id))
            issues.Add(new("id", $"'{b.Id}' is not a blueprint id: use letters, digits, '_', '-' or '.', starting with a letter or digit (it names the blueprint's file)"));
        if (string.IsNullOrEmpty(b.Symbol) || !SymbolPattern().IsMatch(b.Symbol))
            issues.Add(new("symbol", $"'{b.Symbol}' is not an exchange symbol: use upper-case letters and digits, e.g. BTCUSDT"));
        if (!Enum.IsDefined(b.Market)) issues.Add(new("market", $"'{b.Market}' is not a market: use perp or spot"));
        if (!Enum.IsDefined(b.Direction)) issues.Add(new("direction", $"'{b.Direction}' is not a direction: use long or short"));
        if (!Enum.IsDefined(b.Entry.Order)) issues.Add(new("entry.order", $"'{b.Entry.Order}' is not an entry order: use next_open"));
        CheckTrigger(b.Trigger, issues);
        CheckExit(b.Exit, issues);
        CheckSizing(b.Sizing, issues);
        CheckProvenance(b, issues);
        issues.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return issues;
    }

    /// <summary>Returns the blueprint when valid, else throws <see cref="BlueprintValidationException"/> listing every issue.</summary>
    public static Blueprint EnsureValid(Blueprint blueprint)
    {
        var issues = Validate(blueprint);
        return issues.Count == 0 ? blueprint : throw new BlueprintValidationException(blueprint.Id, issues);
    }

    private static void CheckTrigger(Trigger t, List<BlueprintIssue> issues)
    {
        if (t.Event is null && t.When is null)
            issues.Add(new("trigger", "names neither an event nor a when expression: a blueprint needs something that opens a position"));
        else if (t.Event is not null && t.When is not null)
            issues.Add(new("trigger", "names both an event and a when expression: use one (put extra conditions in filter)"));
        if (t.Event is not null && !EventPattern().IsMatch(t.Event))
            issues.Add(new("trigger.event", $"'{t.Event}' is not an event id: use lower-case letters, digits and '_' (the file name under spec/events)"));
        Blank(t.When, "trigger.when", issues);
        Blank(t.Filter, "trigger.filter", issues);
    }

    private static void CheckExit(ExitPolicy e, List<BlueprintIssue> issues)
    {
        if (e.TimeStopBars is null && e.When is null && e.StopLossAtr is null && e.TakeProfitAtr is null)
            issues.Add(new("exit", "can never fire: set time_stop_bars, an exit condition (when), stop_loss_atr or take_profit_atr"));
        if (e.TimeStopBars is { } h && h < 1)
            issues.Add(new("exit.time_stop_bars", $"must be at least 1 bar (got {h}): the exit is issued at the close of the entry signal bar + time_stop_bars"));
        Blank(e.When, "exit.when", issues);
        Positive(e.StopLossAtr, "exit.stop_loss_atr", "a stop distance in ATR multiples must be positive", issues);
        Positive(e.TakeProfitAtr, "exit.take_profit_atr", "a take-profit distance in ATR multiples must be positive", issues);
        var usesAtr = e.StopLossAtr is not null || e.TakeProfitAtr is not null;
        if (usesAtr && string.IsNullOrWhiteSpace(e.Atr))
            issues.Add(new("exit.atr", "is required with stop_loss_atr or take_profit_atr: name the ATR feature the distances are measured in (e.g. atr_14)"));
        if (!usesAtr && e.Atr is not null)
            issues.Add(new("exit.atr", $"names '{e.Atr}' but neither stop_loss_atr nor take_profit_atr uses it: remove it or add a stop"));
    }

    private static void CheckSizing(Sizing s, List<BlueprintIssue> issues)
    {
        switch (s)
        {
            case FixedUnitsSizing u:
                Positive(u.Units, "sizing.units", "a position needs a positive size; direction gives its sign", issues);
                break;
            case FixedNotionalSizing n:
                Positive(n.Notional, "sizing.notional", "a position needs a positive size; direction gives its sign", issues);
                break;
            case RiskBudgetSizing r:
                Positive(r.AnnualVolatilityTarget, "sizing.annual_volatility_target", "it is the annual volatility the position aims at (0.10 = 10 %)", issues);
                if (r.AnnualVolatilityTarget > 10)
                    issues.Add(new("sizing.annual_volatility_target", $"{Fmt(r.AnnualVolatilityTarget)} means {Fmt(r.AnnualVolatilityTarget * 100)} % a year: write it as a fraction (0.10 = 10 %)"));
                if (r.VolatilityWindowDays < 1)
                    issues.Add(new("sizing.volatility_window_days", $"must be at least 1 day (got {r.VolatilityWindowDays})"));
                break;
            default:
                issues.Add(new("sizing", "has no kind: use fixed_units, fixed_notional or risk_budget"));
                break;
        }
    }

    private static void CheckProvenance(Blueprint b, List<BlueprintIssue> issues)
    {
        if (b.CostDigest is not null && !DigestPattern().IsMatch(b.CostDigest))
            issues.Add(new("cost_digest", $"'{b.CostDigest}' is not a cost digest: 64 lower-case hex digits (SHA-256 of the canonical costs.yaml)"));
        if (b.Provenance is not { } p) return;
        if (b.CostDigest is null)
            issues.Add(new("cost_digest", "is required for a compiled blueprint (one with provenance): it binds the blueprint to the costs it was validated under"));
        if (string.IsNullOrWhiteSpace(p.Hypothesis)) issues.Add(new("provenance.hypothesis", "is empty: name the hypothesis this blueprint trades"));
        if (string.IsNullOrWhiteSpace(p.Window.Id)) issues.Add(new("provenance.window.id", "is empty: name the research window"));
        if (p.Window.ToTs <= p.Window.FromTs)
            issues.Add(new("provenance.window", $"ends ({p.Window.ToTs}) at or before it starts ({p.Window.FromTs})"));
        if (string.IsNullOrWhiteSpace(p.SpecDigest)) issues.Add(new("provenance.spec_digest", "is empty"));
        if (string.IsNullOrWhiteSpace(p.DataDigest)) issues.Add(new("provenance.data_digest", "is empty"));
    }

    private static void Positive(double? value, string path, string why, List<BlueprintIssue> issues)
    {
        if (value is not { } v) return;
        if (!double.IsFinite(v)) issues.Add(new(path, $"must be a finite number (got {Fmt(v)})"));
        else if (v <= 0) issues.Add(new(path, $"must be > 0 (got {Fmt(v)}): {why}"));
    }

    private static void Blank(string? text, string path, List<BlueprintIssue> issues)
    {
        if (text is not null && string.IsNullOrWhiteSpace(text)) issues.Add(new(path, "is empty: give an expression or remove the key"));
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z0-9]+$")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_]*$")]
    private static partial Regex EventPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();
}
