using Backtest.Core.Text;
using System.Buffers;
using Backtest.Core.Features.Kernels;

namespace Backtest.Core.Features;

/// <summary>
/// Every feature operator a spec may name, with its inputs and parameters: the single source the Lake validates
/// specs against (with file, line and column), the JSON Schema is generated from, and the computer evaluates.
/// Immutable; <see cref="Default"/> is the catalog the pipeline uses.
/// </summary>
public sealed class FeatureOperatorCatalog
{
    /// <summary>Spec keys that are not operator parameters.</summary>
    public static readonly IReadOnlyList<string> ReservedKeys = ["description", "of", "op"];

    private const double MaxWindow = 1_000_000;
    private const double MaxPeriod = 100_000; // TA-Lib's bound for EMA, RSI and ATR periods

    private readonly SortedDictionary<string, FeatureOperator> _byName = new(StringComparer.Ordinal);

    /// <summary>A catalog of the given operators (names must be unique).</summary>
    public FeatureOperatorCatalog(IEnumerable<FeatureOperator> operators)
    {
        foreach (var op in operators)
        {
            if (!_byName.TryAdd(op.Name, op)) throw new ArgumentException($"operator '{op.Name}' is defined twice", nameof(operators));
            for (var i = 1; i < op.Parameters.Count; i++)
                if (string.CompareOrdinal(op.Parameters[i - 1].Name, op.Parameters[i].Name) >= 0)
                    throw new ArgumentException($"operator '{op.Name}': parameters must be sorted by name and unique ('{op.Parameters[i - 1].Name}' before '{op.Parameters[i].Name}')", nameof(operators));
            foreach (var parameter in op.Parameters)
                if (ReservedKeys.Contains(parameter.Name))
                    throw new ArgumentException($"operator '{op.Name}': '{parameter.Name}' is a reserved spec key, not a parameter name", nameof(operators));
        }
        Operators = [.. _byName.Values];
    }

    /// <summary>The pipeline's operators.</summary>
    public static FeatureOperatorCatalog Default { get; } = new(CreateDefaultOperators());

    /// <summary>All operators, sorted by name (ordinal).</summary>
    public IReadOnlyList<FeatureOperator> Operators { get; }

    /// <summary>The operator names, sorted, as listed in "known: …" messages.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>Looks an operator up by its spec name.</summary>
    public bool TryGet(string name, out FeatureOperator op) => _byName.TryGetValue(name, out op!);

    /// <summary>The operator named <paramref name="name"/>; throws naming the known ones otherwise.</summary>
    public FeatureOperator Get(string name) =>
        _byName.TryGetValue(name, out var op) ? op : throw new ArgumentException(UnknownOperator(name), nameof(name));

    /// <summary>
    /// Everything wrong with <paramref name="definition"/> against this catalog, each tied to its key, in a stable
    /// order (id, description, op, of, then parameters by name). Empty means the definition can be computed as far
    /// as the definition alone can tell; references to other features are the graph's business.
    /// </summary>
    public IReadOnlyList<FeatureSpecProblem> Check(FeatureDefinition definition)
    {
        var id = definition.Id;
        var problems = new List<FeatureSpecProblem>();
        void Add(string key, string message) => problems.Add(new FeatureSpecProblem(id, key, message));

        if (FeatureDefinition.IdProblem(id) is { } idProblem) Add("id", idProblem);
        if (string.IsNullOrWhiteSpace(definition.Description))
            Add("description", $"feature '{id}': missing field 'description' (say what the feature measures, in the domain's words)");

        if (string.IsNullOrEmpty(definition.Op))
        {
            Add("op", $"feature '{id}': missing field 'op' (known operators: {string.Join(", ", Names)})");
            return problems;
        }
        if (!_byName.TryGetValue(definition.Op, out var op))
        {
            Add("op", $"feature '{id}': {UnknownOperator(definition.Op)}");
            return problems;
        }

        var inputs = op.Inputs;
        var of = definition.Of;
        if (inputs.Fixed && of.Count > 0)
            Add("of", $"feature '{id}': operator '{op.Name}' reads {Join(inputs.Defaults)} itself and takes no 'of'");
        else if (!inputs.Fixed && of.Count == 0 && inputs.Defaults.Count == 0)
            Add("of", $"feature '{id}': missing field 'of': operator '{op.Name}' reads {Describe(inputs)}");
        else if (!inputs.Fixed && of.Count > 0 && of.Count != inputs.Count)
            Add("of", $"feature '{id}': operator '{op.Name}' reads {Describe(inputs)}, but 'of' names {of.Count}");
        foreach (var input in of)
            if (string.IsNullOrWhiteSpace(input)) Add("of", $"feature '{id}': 'of' holds an empty name");

        var allowed = ReservedKeys.Concat(op.Parameters.Select(p => p.Name)).Order(StringComparer.Ordinal).ToArray();
        foreach (var key in definition.Parameters.Keys)
            if (op.Parameter(key) is null)
                Add(key, $"feature '{id}': unknown field '{key}' for operator '{op.Name}'{Suggest.Hint(key, allowed)} (allowed: {string.Join(", ", allowed)})");

        foreach (var parameter in op.Parameters)
        {
            if (!definition.Parameters.TryGetValue(parameter.Name, out var value))
            {
                if (parameter.Required) Add(parameter.Name, $"feature '{id}': missing field '{parameter.Name}' ({parameter.Doc}; {parameter.RangeText})");
                continue;
            }
            if (parameter.Problem(value) is { } message) Add(parameter.Name, $"feature '{id}': {message}");
        }
        return problems;
    }

    /// <summary>Throws <see cref="FeatureDefinitionException"/> listing every problem <see cref="Check"/> finds.</summary>
    public void Validate(FeatureDefinition definition)
    {
        var problems = Check(definition);
        if (problems.Count > 0) throw FeatureDefinitionException.From(problems);
    }

    /// <summary>The names a valid definition reads, in the operator's input order: <c>of</c>, or the defaults.</summary>
    public IReadOnlyList<string> InputsOf(FeatureDefinition definition)
    {
        var op = Get(definition.Op);
        return op.Inputs.Fixed || definition.Of.Count == 0 ? op.Inputs.Defaults : definition.Of;
    }

    /// <summary>A valid definition's parameters with defaults filled in.</summary>
    public FeatureArguments ArgumentsOf(FeatureDefinition definition) => new(Get(definition.Op), definition);

    private string UnknownOperator(string name) =>
        $"unknown operator '{name}'{Suggest.Hint(name, Names)} (known: {string.Join(", ", Names)})";

    private static string Join(IReadOnlyList<string> names) =>
        names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
        };

    private static string Describe(FeatureInputs inputs) =>
        inputs.Count == 1 ? $"one input ({inputs.Roles[0]})" : $"{inputs.Count} inputs ({string.Join(", ", inputs.Roles)})";

    private static FeatureParameter Window(string doc, double minimum = 2) =>
        new("window", FeatureParameterKind.Integer, doc, null, minimum, MaxWindow);

    private static FeatureParameter Period(string doc, double? fallback, double minimum) =>
        new("period", FeatureParameterKind.Integer, doc, fallback, minimum, MaxPeriod);

    private static FeatureParameter Bars(string doc, double? fallback) =>
        new("bars", FeatureParameterKind.Integer, doc, fallback, 1, MaxWindow);

    private static FeatureParameter Ddof() =>
        new("ddof", FeatureParameterKind.Integer, "delta degrees of freedom of the deviation: 0 population (TA-Lib STDDEV), 1 sample (pandas)", 0, 0, 1);

    private static FeatureParameter Annualize(string doc) =>
        new("annualize", FeatureParameterKind.Integer, doc, 0, 0, 1);

    private static IEnumerable<FeatureOperator> CreateDefaultOperators()
    {
        yield return new FeatureOperator(
            "amihud",
            "Amihud illiquidity: mean over the window's traded bars (quote volume > 0) of |1-bar log return| / quote volume, times scale; NaN until the window holds defined values",
            new FeatureInputs(["price", "quote volume"], ["close", "quote_volume"], Fixed: false),
            [
                new FeatureParameter("scale", FeatureParameterKind.Number, "multiplier of the ratio (1e6: price impact per million of quote currency)", 1, 0, double.PositiveInfinity, MinimumExclusive: true),
                Window("bars averaged, the current one included", minimum: 1),
            ],
            static (inputs, arguments, _, output) =>
            {
                var price = inputs[0];
                var returns = ArrayPool<double>.Shared.Rent(price.Length);
                try
                {
                    var r = returns.AsSpan(0, price.Length);
                    FeatureKernels.LogReturn(price, 1, r);
                    FeatureKernels.Amihud(r, inputs[1], arguments.Integer("window"), arguments.Number("scale"), output);
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(returns);
                }
            });

        yield return new FeatureOperator(
            "atr",
            "Average true range (TA-Lib/Wilder): first value at bar `period` = mean of TR[1..period], then Wilder smoothing",
            FeatureInputs.Fields("high", "low", "close"),
            [Period("Wilder smoothing length in bars", 14, minimum: 1)],
            static (inputs, arguments, _, output) => FeatureKernels.Atr(inputs[0], inputs[1], inputs[2], arguments.Integer("period"), output));

        yield return new FeatureOperator(
            "bar_range",
            "Bar range (high − low) / close: the bar's price spread relative to its level",
            FeatureInputs.Fields("high", "low", "close"),
            [],
            static (inputs, _, _, output) => FeatureKernels.BarRange(inputs[0], inputs[1], inputs[2], output));

        yield return new FeatureOperator(
            "ema",
            "Exponential moving average (TA-Lib): α = 2/(period+1), seeded with the simple mean of the first `period` values, first value at bar period−1",
            FeatureInputs.One("series", "close"),
            [Period("length in bars", null, minimum: 2)],
            static (inputs, arguments, _, output) => FeatureKernels.Ema(inputs[0], arguments.Integer("period"), output));

        yield return new FeatureOperator(
            "funding_level",
            "Funding level: the last settled funding rate carried forward to every bar; NaN before the first settlement",
            FeatureInputs.Fields("funding_rate"),
            [Annualize("1 scales the rate by 8760 / interval hours so 8h and 4h symbols compare; 0 keeps the rate per interval")],
            static (inputs, arguments, bars, output) => FeatureKernels.FundingLevel(inputs[0], bars.FundingIntervalHours, arguments.Flag("annualize"), output));

        yield return new FeatureOperator(
            "log_return",
            "Log return ln(x[t] / x[t−bars]); NaN for the first `bars` bars and unless both values are positive",
            FeatureInputs.One("series", "close"),
            [Bars("horizon in bars", 1)],
            static (inputs, arguments, _, output) => FeatureKernels.LogReturn(inputs[0], arguments.Integer("bars"), output));

        yield return new FeatureOperator(
            "oi_change",
            "Open-interest change: ln(OI[t] / OI[t−bars]); NaN where open interest is NaN or not positive",
            FeatureInputs.One("open interest", "open_interest"),
            [Bars("horizon in bars", null)],
            static (inputs, arguments, _, output) => FeatureKernels.LogReturn(inputs[0], arguments.Integer("bars"), output));

        yield return new FeatureOperator(
            "realized_vol",
            "Realised volatility √(Σ r²) of the last `window` returns, the current one included; optionally annualised",
            FeatureInputs.One("returns"),
            [
                Annualize("1 multiplies by √(bars per year / window) on the frame's timeframe; 0 keeps the window's volatility"),
                Window("returns summed, the current one included", minimum: 1),
            ],
            static (inputs, arguments, bars, output) =>
            {
                var window = arguments.Integer("window");
                var scale = arguments.Flag("annualize") ? Math.Sqrt(bars.Timeframe.BarsPerYear / window) : 1.0;
                FeatureKernels.RealizedVolatility(inputs[0], window, scale, output);
            });

        yield return new FeatureOperator(
            "rolling_mean",
            "Rolling mean of the last `window` values, the current one included; first value at bar window−1",
            FeatureInputs.One("series"),
            [Window("values averaged, the current one included")],
            static (inputs, arguments, _, output) => FeatureKernels.RollingMean(inputs[0], arguments.Integer("window"), output));

        yield return new FeatureOperator(
            "rolling_std",
            "Rolling standard deviation of the last `window` values (exact, divisor window − ddof); first value at bar window−1",
            FeatureInputs.One("series"),
            [Ddof(), Window("values in the window, the current one included")],
            static (inputs, arguments, _, output) => FeatureKernels.RollingStd(inputs[0], arguments.Integer("window"), arguments.Integer("ddof"), output));

        yield return new FeatureOperator(
            "rsi",
            "Relative strength index (TA-Lib/Wilder): first value at bar `period`, 100·gain/(gain+loss), 0 on a flat run",
            FeatureInputs.One("series", "close"),
            [Period("Wilder smoothing length in bars", 14, minimum: 2)],
            static (inputs, arguments, _, output) => FeatureKernels.Rsi(inputs[0], arguments.Integer("period"), output));

        yield return new FeatureOperator(
            "simple_return",
            "Simple return x[t] / x[t−bars] − 1; NaN for the first `bars` bars and where x[t−bars] is 0",
            FeatureInputs.One("series", "close"),
            [Bars("horizon in bars", 1)],
            static (inputs, arguments, _, output) => FeatureKernels.SimpleReturn(inputs[0], arguments.Integer("bars"), output));

        yield return new FeatureOperator(
            "zscore",
            "Rolling z-score (x[t] − mean) / std over the last `window` values, the current one included; NaN on a flat window",
            FeatureInputs.One("series"),
            [Ddof(), Window("values in the window, the current one included")],
            static (inputs, arguments, _, output) => FeatureKernels.RollingZScore(inputs[0], arguments.Integer("window"), arguments.Integer("ddof"), output));
    }
}
