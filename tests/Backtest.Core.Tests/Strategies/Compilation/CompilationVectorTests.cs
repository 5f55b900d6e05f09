using System.Text.Json;
using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Expressions;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Strategies.Compilation;

/// <summary>Hand-worked signal vectors (vectors/compilation/signals.json) through <see cref="StrategyCompiler.Compile"/>.</summary>
public sealed class CompilationVectorTests
{
    private static string FilePath => Path.Combine(AppContext.BaseDirectory, "vectors", "compilation", "signals.json");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signals_match_the_hand_vector(string name)
    {
        var c = Load().Single(x => x.GetProperty("name").GetString() == name);
        var close = Numbers(c.GetProperty("close"));
        var bars = Frame(close, c.TryGetProperty("filled", out var f) ? Bits(f.GetString()!) : new bool[close.Length]);
        var features = new Dictionary<string, double[]>(StringComparer.Ordinal);
        if (c.TryGetProperty("features", out var fs))
            foreach (var p in fs.EnumerateObject()) features[p.Name] = Numbers(p.Value);
        var events = new Dictionary<string, EventDefinition>(StringComparer.Ordinal);
        if (c.TryGetProperty("events", out var es))
            foreach (var p in es.EnumerateObject())
                events[p.Name] = new EventDefinition(p.Name, Expression.Parse(p.Value.GetProperty("when").GetString()!, ExpressionType.Boolean),
                    p.Value.GetProperty("cooldown").GetInt32(), EventSide.Long);
        var t = c.GetProperty("trigger");
        var trigger = new Trigger(Text(t, "event"), Text(t, "when"), Text(t, "filter"));
        var exitWhen = c.TryGetProperty("exit", out var x) ? Text(x, "when") : null;
        var blueprint = Blueprints.Long("v", trigger, new ExitPolicy(TimeStopBars: exitWhen is null ? 1 : null, When: exitWhen));

        var strategy = StrategyCompiler.Compile(blueprint, bars, name => features.GetValueOrDefault(name), events);

        Assert.Equal(c.GetProperty("entry").GetString(), Show(strategy.Entry));
        if (c.TryGetProperty("exit_signal", out var exit)) Assert.Equal(exit.GetString(), Show(strategy.Exit!));
        else Assert.Null(strategy.Exit);
    }

    private static BarFrame Frame(double[] close, bool[] filled)
    {
        var n = close.Length;
        var ts = new long[n];
        for (var i = 0; i < n; i++) ts[i] = 1_704_067_500_000 + i * 300_000L;
        return new BarFrame("BTCUSDT", Timeframe.Parse("5m"), ts, close, close, close, close, Filled(n, 1), Filled(n, 1e6), new double[n], new double[n],
            Filled(n, double.NaN), filled);
    }

    private static double[] Filled(int n, double value) => Enumerable.Repeat(value, n).ToArray();

    private static string? Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetString() : null;

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();

    private static bool[] Bits(string s) => s.Select(ch => ch == '1').ToArray();

    private static string Show(bool[] signal) => string.Concat(signal.Select(b => b ? '1' : '0'));

    private static IEnumerable<JsonElement> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FilePath));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
