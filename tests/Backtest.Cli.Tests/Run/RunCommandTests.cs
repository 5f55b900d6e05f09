using System.Globalization;
using Backtest.Core.Engine;
using Backtest.Core.Events;
using Backtest.Core.Market;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Time;
using Backtest.Lake.Bars;
using Backtest.Lake.Specs;
using Backtest.Testing;

namespace Backtest.Cli.Tests.Run;

/// <summary>`backtest run` end to end, in-process: the shipped examples over generated bars.</summary>
public sealed class RunCommandTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    public static TheoryData<string> Examples() => ["btc_breakout_20", "btc_ema_cross", "btc_vol_shock_risk"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void An_example_runs_and_trades_csv_holds_the_kernels_trades(string example)
    {
        var output = fixture.Out();
        var run = CliRun.In(fixture.Folder, "run", "--blueprint", RunFixture.Example(example), "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", output);
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);

        var expected = KernelResult(example, fixture.Bars);
        Assert.True(expected.Trades.Count >= 5, $"{example}: only {expected.Trades.Count} trades on the generated bars");
        var lines = File.ReadAllLines(Path.Combine(output, "trades.csv"));
        Assert.Equal("entry_time,exit_time,side,quantity,entry_price,exit_price,fees,pnl_net", lines[0]);
        var trades = expected.Trades.Concat(expected.OpenTrade is { } o ? [o] : []).ToArray();
        Assert.Equal(trades.Length, lines.Length - 1);
        for (var i = 0; i < trades.Length; i++)
        {
            var t = trades[i];
            var f = lines[i + 1].Split(',');
            Assert.Equal(8, f.Length);
            Assert.Equal(UtcTime.Iso(t.EntryTs), f[0]);
            Assert.Equal(t.IsOpen ? "" : UtcTime.Iso(t.ExitTs), f[1]);
            Assert.Equal(t.Direction.ToText(), f[2]);
            Assert.Equal(Math.Abs(t.Quantity), Parse(f[3]));
            Assert.Equal(t.EntryPrice, Parse(f[4]));
            Assert.Equal(t.IsOpen ? t.ExitReferencePrice : t.ExitPrice, Parse(f[5]));
            Assert.Equal(t.Fees, Parse(f[6]));
            Assert.Equal(t.NetPnl, Parse(f[7]));
        }
        Assert.Contains($"trades        {expected.Trades.Count:N0} closed", run.Out);
        Assert.Equal(expected.OpenTrade is not null, run.Out.Contains("1 still open at the end (marked at the last close, not counted)"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Equity_csv_reconciles_with_the_summary(string example)
    {
        var output = fixture.Out();
        var run = CliRun.In(fixture.Folder, "run", "--blueprint", RunFixture.Example(example), "--bars", fixture.Bars, "--spec", RunFixture.Spec,
            "--out", output, "--capital", "250000");
        Assert.Equal(0, run.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(output, "equity.csv"));
        Assert.Equal("ts,equity,price_pnl,fees,spread,impact,funding,borrow", rows[0]);
        Assert.Equal(RunFixture.Rows, rows.Length - 1); // the gaps are forward-filled onto the grid
        var first = rows[1].Split(',');
        Assert.Equal(UtcTime.Iso(GeneratedBars.FirstOpen + 300_000), first[0]);
        var previous = long.MinValue;
        foreach (var row in rows.Skip(1))
        {
            var f = row.Split(',').Select((x, i) => i == 0 ? 0 : Parse(x)).ToArray();
            var ts = DateTimeOffset.Parse(row[..24], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            Assert.Equal(previous == long.MinValue ? ts : previous + 300_000, ts);
            previous = ts;
            // equity = capital + price P&L − fees − spread − impact + funding − borrow, to the rounding of running sums
            Assert.Equal(f[1], 250_000 + f[2] - f[3] - f[4] - f[5] + f[6] - f[7], 1e-6);
        }
        var last = rows[^1].Split(',').Select((x, i) => i == 0 ? 0 : Parse(x)).ToArray();
        var summary = Summary(run.Out);
        Assert.Equal(Money(last[1]), summary["final equity"]);
        Assert.StartsWith(Money(last[1] - 250_000, signed: true) + " (", summary["net P&L"]);
        Assert.Equal(Money(last[2], signed: true), summary["price P&L"]);
        Assert.Equal(Money(-last[3], signed: true), summary["fees"]);
        Assert.Equal(Money(-last[4], signed: true), summary["spread"]);
        Assert.Equal(Money(-last[5], signed: true), summary["impact"]);
        Assert.Equal(Money(last[6], signed: true), summary["funding"]);
        Assert.True(last[3] > 0, "fees were charged");
    }

    [Fact]
    public void A_compiled_blueprint_under_other_costs_is_refused_naming_both_digests_and_nothing_is_written()
    {
        var (_, current) = CostsLoader.Load(RepoPaths.Root);
        var stale = new string('a', 64);
        var blueprint = Path.Combine(fixture.Folder, "compiled.json");
        File.WriteAllText(blueprint, $$"""
            {
              "id": "btc_shock_compiled",
              "symbol": "BTCUSDT",
              "market": "perp",
              "timeframe": "5m",
              "trigger": { "event": "vol_shock_up" },
              "direction": "long",
              "entry": { "order": "next_open" },
              "exit": { "time_stop_bars": 12 },
              "sizing": { "kind": "fixed_units", "units": 1 },
              "provenance": {
                "hypothesis": "BTCUSDT/vol_shock_up/12/long",
                "window": { "id": "w1", "from_ts": 1704067200000, "to_ts": 1706745600000 },
                "spec_digest": "s",
                "data_digest": "d"
              },
              "cost_digest": "{{stale}}"
            }
            """);
        var output = fixture.Out();
        var run = CliRun.In(fixture.Folder, "run", "--blueprint", blueprint, "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"blueprint 'btc_shock_compiled' was validated under cost digest {stale}, but spec/costs.yaml now has digest {current}: " +
                     "its net-of-cost edge is unknown under the new costs; rerun Bridge and Blueprints (./build.sh Blueprints) before trading it\n", run.Error);
        Assert.Equal("", run.Out);
        Assert.False(Directory.Exists(output));

        // the same blueprint bound to today's digest runs
        File.WriteAllText(blueprint, File.ReadAllText(blueprint).Replace(stale, current));
        Assert.Equal(0, CliRun.In(fixture.Folder, "run", "--blueprint", blueprint, "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", output).ExitCode);
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "unsorted bars", "bars", "bars.csv line 4, field 'datetime': '2024-01-01T00:05:00Z' (2024-01-01 00:05:00 UTC) is earlier than line 3 (2024-01-01 00:10:00 UTC): rows must be sorted by time" },
        { "bars missing a column", "bars", "bars.csv line 1, field 'volume': missing column 'volume': a bars CSV needs a time column and open, high, low, close, volume (quote_volume optional); the header found is 'datetime,open,high,low,close'" },
        { "unknown feature", "blueprint", "bad.yaml:6:28: unknown name 'ema_slw' (did you mean 'ema_slow'?)" },
        { "negative fee", "costs", "costs.yaml:1:33: fees.taker_bps must be ≥ 0 (got -4): rebates are not modelled; a negative fee would pay the strategy to trade" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_1_with_one_located_paragraph_and_leaves_earlier_outputs_untouched(string name, string kind, string message)
    {
        var folder = Path.Combine(fixture.Folder, "bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "out");
        var good = CliRun.In(folder, "run", "--blueprint", RunFixture.Example("btc_ema_cross"), "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", output);
        Assert.Equal(0, good.ExitCode);
        var before = Directory.GetFiles(output).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f))).ToArray();

        var args = new List<string> { "run", "--blueprint", RunFixture.Example("btc_ema_cross"), "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", "out" };
        switch (kind)
        {
            case "bars":
                File.WriteAllText(Path.Combine(folder, "bars.csv"), name == "unsorted bars"
                    ? "datetime,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,1,1\n2024-01-01T00:10:00Z,1,1,1,1,1\n2024-01-01T00:05:00Z,1,1,1,1,1\n"
                    : "datetime,open,high,low,close\n2024-01-01T00:00:00Z,1,1,1,1\n");
                args[4] = "bars.csv";
                break;
            case "blueprint":
                File.WriteAllText(Path.Combine(folder, "bad.yaml"),
                    "id: bad\nsymbol: BTCUSDT\nmarket: perp\ntimeframe: 5m\ndirection: long\ntrigger: {when: ema_fast > ema_slw}\nexit: {time_stop_bars: 3}\nsizing: {kind: fixed_units, units: 1}\n");
                args[2] = "bad.yaml";
                break;
            case "costs":
                File.WriteAllText(Path.Combine(folder, "costs.yaml"),
                    "fees: {maker_bps: 2, taker_bps: -4}\nhalf_spread_bps: 0.5\nimpact: {model: none, y: 0, window_days: 30}\nfunding: {treatment: settle}\nborrow: {annual_rate: 0.1}\n");
                args.AddRange(["--costs", "costs.yaml"]);
                break;
        }
        var run = CliRun.In(folder, [.. args]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message + "\n", run.Error.Replace(folder + Path.DirectorySeparatorChar, ""));
        Assert.Equal("", run.Out);
        var after = Directory.GetFiles(output).Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f))).ToArray();
        Assert.Equal(before.Select(x => x.f), after.Select(x => x.f));
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i].Item2, after[i].Item2);
            Assert.Equal(before[i].Item3, after[i].Item3);
        }
    }

    [Fact]
    public void Outside_a_repository_without_costs_the_run_says_how_to_give_them()
    {
        var run = CliRun.In(fixture.Folder, "run", "--blueprint", RunFixture.Example("btc_breakout_20"), "--bars", fixture.Bars, "--out", fixture.Out());
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("no cost file: pass --costs FILE, or run inside a Backtest repository (a folder with .nuke/ at or above the current one), whose spec/costs.yaml is then used\n", run.Error);
    }

    [Fact]
    public void Inside_a_repository_the_specs_costs_and_default_output_folder_are_found_from_the_current_folder()
    {
        var repo = Path.Combine(fixture.Folder, "repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(repo, ".nuke"));
        CopyFolder(RunFixture.Spec, Path.Combine(repo, "spec"));
        var work = Path.Combine(repo, "research", "today");
        Directory.CreateDirectory(work);
        File.Copy(fixture.Bars, Path.Combine(repo, "research", "bars.csv"));
        File.Copy(RunFixture.Example("btc_vol_shock_risk"), Path.Combine(work, "shock.yaml"));

        var run = CliRun.In(work, "run", "--blueprint", "shock.yaml", "--bars", "../bars.csv");
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(work, "backtest-out", "btc_vol_shock_risk", "trades.csv")));
        Assert.True(File.Exists(Path.Combine(work, "backtest-out", "btc_vol_shock_risk", "equity.csv")));
        Assert.Contains($"costs         {Path.Combine(repo, "spec", "costs.yaml")} (digest", run.Out);
    }

    [Fact]
    public void Reruns_write_byte_identical_files()
    {
        string[] Files(string output) => ["trades.csv", "equity.csv"];
        var a = fixture.Out();
        var b = fixture.Out();
        foreach (var output in new[] { a, b })
            Assert.Equal(0, CliRun.In(fixture.Folder, "run", "--blueprint", RunFixture.Example("btc_vol_shock_risk"), "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", output).ExitCode);
        foreach (var file in Files(a)) Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        Assert.Empty(Directory.GetFiles(a, ".*")); // no temp files left behind
    }

    [Fact]
    public void At_a_terminal_the_summary_is_a_table()
    {
        var run = CliRun.In(fixture.Folder, true, "run", "--blueprint", RunFixture.Example("btc_breakout_20"), "--bars", fixture.Bars, "--spec", RunFixture.Spec, "--out", fixture.Out());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("backtest run: btc_breakout_20", run.Out);
        Assert.Contains("│ net P&L", run.Out);
        Assert.Contains("─", run.Out);
    }

    /// <summary>The kernel's result for an example, computed here through the library calls (no command line).</summary>
    private static ResearchResult KernelResult(string example, string barsFile)
    {
        var root = RepoPaths.Root;
        var graph = FeatureSpecs.LoadAll(root).Graph;
        var names = Core.Bars.BarFrame.FieldNames.Concat(graph.Ids).ToHashSet(StringComparer.Ordinal);
        var events = EventLoader.LoadAll(root, names).ToDictionary(kv => kv.Key, kv => kv.Value.Event, StringComparer.Ordinal);
        var blueprint = BlueprintFile.Load(RunFixture.Example(example), names, events.Keys.ToHashSet(StringComparer.Ordinal));
        var bars = BarsFile.Read(barsFile, blueprint.Timeframe, blueprint.Symbol).Bars;
        var strategy = StrategyCompiler.Compile(blueprint, bars, FeatureColumns.OnDemand(graph, bars).Get, (IReadOnlyDictionary<string, EventDefinition>)events);
        var (costs, _) = CostsLoader.Load(root);
        return new ResearchKernel(EngineModels.FromCosts(costs, double.PositiveInfinity), 100_000).Run(strategy, bars);
    }

    private static Dictionary<string, string> Summary(string text) =>
        text.Split('\n').Skip(1).Where(l => l.Length > 14)
            .ToDictionary(l => l[..14].Trim(), l => l[14..].Trim(), StringComparer.Ordinal);

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Money(double v, bool signed = false) =>
        (signed && v > 0 ? "+" : "") + (v == 0 ? 0.0 : v).ToString("N2", CultureInfo.InvariantCulture);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
