using System.Globalization;
using Backtest.Core.Cleaning;
using Backtest.Core.Time;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Tables;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Clean;

/// <summary>Clean: one action per symbol turning the raw lake into the aligned bar grid and its clean report.</summary>
public static class CleanStage
{
    /// <summary>The actions for the run's symbols.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        foreach (var symbol in s.Symbols)
        {
            var klines = LakeLayout.RawKlines(s.Market, symbol, s.Timeframe);
            var funding = LakeLayout.RawFunding(s.Market, symbol);
            var oi = LakeLayout.RawOpenInterest(s.Market, symbol);
            var bars = LakeLayout.CleanedBars(s.Market, symbol, s.Timeframe);
            var json = LakeLayout.CleanReportJson(s.Market, symbol, s.Timeframe);
            var text = LakeLayout.CleanReportText(s.Market, symbol, s.Timeframe);
            yield return new BuildAction
            {
                Partition = symbol,
                Code = StageCode.Assemblies,
                Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["timeframe"] = s.Timeframe.ToString(),
                    ["from"] = s.From is { } f ? UtcTime.Iso(f) : "",
                    ["to"] = s.To is { } t ? UtcTime.Iso(t) : "",
                },
                Inputs = [klines, funding, oi],
                Outputs = [bars, json, text],
                Run = ctx =>
                {
                    var raw = LakeTables.ReadKlines(ctx.InputPath(klines));
                    var fundingSeries = LakeTables.ReadFunding(ctx.InputPath(funding));
                    var oiSeries = LakeTables.ReadOpenInterest(ctx.InputPath(oi));
                    var result = BarCleaner.Clean(symbol, raw, fundingSeries.Count > 0 ? fundingSeries : null, oiSeries.Count > 0 ? oiSeries : null,
                        new CleanSettings(s.Timeframe, s.From, s.To));
                    var source = LakeTables.Metadata(ctx.InputPath(klines)).GetValueOrDefault(LakeMetadata.Source, "");
                    LakeTables.WriteBars(ctx.OutputPath(bars), result.Bars, result.IsOutlier, new Dictionary<string, string>
                    {
                        [LakeMetadata.Producer] = $"{ctx.Target}[{ctx.Partition}]",
                        [LakeMetadata.Source] = source,
                    });
                    LakeJson.Write(ctx.OutputPath(json), result.Report);
                    File.WriteAllText(ctx.OutputPath(text), CleanReportText.Render(result.Report, source));
                    ctx.Info = string.Create(CultureInfo.InvariantCulture,
                        $"{result.Report.Bars:N0} bars, {result.Report.FilledBars:N0} filled, {result.Report.DuplicatesResolved + result.Report.ExactDuplicates:N0} duplicates, {result.Report.Outliers.Count:N0} outliers");
                },
            };
        }
    }
}
