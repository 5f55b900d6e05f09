namespace Backtest.Pipeline.Tests.EndToEnd;

/// <summary>
/// Bad input, end to end: the run exits non-zero with a message naming the file (line, column) or parameter and
/// what is wrong, and the lake and reports are exactly as they were.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _root = PipelineProcess.NewRoot();

    public void Dispose() => PipelineProcess.Delete(_root);

    private SortedDictionary<string, string> Data() => PipelineProcess.Hashes(Path.Combine(_root, "data", "lake"));

    private SortedDictionary<string, string> Reports() => PipelineProcess.Hashes(Path.Combine(_root, "data", "reports"));

    // A good run first, so "unchanged" is about real files.
    private void GoodRun()
    {
        var run = PipelineProcess.Run(_root, "Discover", "--sim-days", "120");
        Assert.True(run.ExitCode == 0, run.Output);
    }

    private BuildRun FailingRun(params string[] args)
    {
        var lake = Data();
        var reports = Reports();
        var run = PipelineProcess.Run(_root, args);
        Assert.True(run.ExitCode != 0, $"expected a failure:\n{run.Output}");
        Assert.Equal(lake, Data());
        Assert.Equal(reports, Reports());
        if (Directory.Exists(Path.Combine(_root, "data")))
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "data"), "*.tmp*", SearchOption.AllDirectories));
        return run;
    }

    [Fact]
    public void An_unknown_source_is_named_with_the_choices()
    {
        GoodRun();
        var run = FailingRun("Discover", "--sim-days", "120", "--source", "nosuch");
        Assert.Contains("unknown source 'nosuch': use one of sim, binance (--source)", run.Output);
        Assert.Equal("Failed", run.Status("Ingest"));
    }

    [Fact]
    public void An_unknown_target_lists_the_targets_that_exist()
    {
        var run = FailingRun("Discovr");
        Assert.Contains("Target 'Discovr' does not exist. Available targets are: Blueprints, Bridge, CacheGc, Certify, Clean, Discover, " +
            "Download, Events, Features, Ingest, Plan, Report, Templates, Test, Walkforward.", run.Output);
    }

    [Theory]
    [InlineData("events/bad.yaml", "description: a typo\nwhen: cross_abov(close, 1)\ncooldown: 12\nside: both\n", "Events",
        "spec/events/bad.yaml:2:7: unknown function 'cross_abov' (did you mean 'cross_above'?)")]
    [InlineData("features/ema_x.yaml", "description: x\nop: ema\nof: close\nwindow: 5\n", "Features",
        "spec/features/ema_x.yaml:4:1: feature 'ema_x': unknown field 'window' for operator 'ema' (allowed: description, of, op, period)")]
    public void A_bad_spec_names_file_line_and_column_and_writes_nothing(string file, string yaml, string target, string message)
    {
        GoodRun();
        File.WriteAllText(Path.Combine(_root, "spec", file), yaml);

        var run = FailingRun("Discover", "--sim-days", "120");

        Assert.Contains(message, run.Output);
        Assert.Equal("Failed", run.Status(target));
    }

    [Fact]
    public void A_feature_cycle_names_the_features_in_it()
    {
        GoodRun();
        File.WriteAllText(Path.Combine(_root, "spec", "features", "loop_a.yaml"), "description: a\nop: ema\nof: loop_b\nperiod: 5\n");
        File.WriteAllText(Path.Combine(_root, "spec", "features", "loop_b.yaml"), "description: b\nop: ema\nof: loop_a\nperiod: 5\n");

        var run = FailingRun("Discover", "--sim-days", "120");

        Assert.Contains("cycle", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("loop_a", run.Output);
        Assert.Contains("loop_b", run.Output);
    }

    [Fact]
    public void A_missing_raw_folder_is_named()
    {
        var missing = Path.Combine(_root, "no-such-raw");
        var run = FailingRun("Clean", "--source", "binance", "--raw-dir", missing);
        Assert.Contains($"{missing}: the raw data folder (--raw-dir) does not exist", run.Output);
    }

    [Fact]
    public void A_malformed_kline_row_names_file_line_and_column()
    {
        var raw = Path.Combine(_root, "raw");
        Directory.CreateDirectory(raw);
        File.WriteAllText(Path.Combine(raw, "BTCUSDT-5m-2024-01.csv"),
            "open_time,open,high,low,close,volume\n" +
            "1704067200000,42000.1,42010.0,41990.5,42005.0,12.5\n" +
            "1704067500000,42005.0,42020.0,abc,42015.0,10.1\n");

        var run = FailingRun("Clean", "--source", "binance", "--raw-dir", raw);

        Assert.Contains("BTCUSDT-5m-2024-01.csv", run.Output);
        Assert.Contains("line 3", run.Output);
        Assert.Contains("abc", run.Output);
    }

    [Theory]
    [InlineData("1704067200000,1,1,1,1,1\n1704067560000,1,1,1,1,1\n",
        "BTCUSDT-5m-2024-01.csv line 3, field 'open_time': 1704067560000 (2024-01-01 00:06:00 UTC) is not on the 5m grid")]
    [InlineData("1704067500000,1,1,1,1,1\n1704067200000,1,1,1,1,1\n",
        "BTCUSDT-5m-2024-01.csv line 3, field 'open_time': 1704067200000 (2024-01-01 00:00:00 UTC) is earlier than the previous row's 1704067500000")]
    public void Misaligned_or_unordered_timestamps_name_file_line_and_field(string rows, string message)
    {
        var raw = Path.Combine(_root, "raw");
        Directory.CreateDirectory(raw);
        File.WriteAllText(Path.Combine(raw, "BTCUSDT-5m-2024-01.csv"), "open_time,open,high,low,close,volume\n" + rows);

        var run = FailingRun("Clean", "--source", "binance", "--raw-dir", raw);

        Assert.Contains(message, run.Output);
        Assert.Equal("Failed", run.Status("Ingest"));
    }

    [Fact]
    public void A_symbol_without_raw_files_is_named()
    {
        var raw = Path.Combine(_root, "raw");
        Directory.CreateDirectory(raw);
        File.WriteAllText(Path.Combine(raw, "BTCUSDT-5m-2024-01.csv"), "1704067200000,42000.1,42010.0,41990.5,42005.0,12.5\n");

        var run = FailingRun("Clean", "--source", "binance", "--raw-dir", raw, "--symbols", "XYZUSDT");

        Assert.Contains($"{raw}: no perp klines for XYZUSDT in this folder (searched recursively); it holds perp: BTCUSDT (5m klines)", run.Output);
    }
}
