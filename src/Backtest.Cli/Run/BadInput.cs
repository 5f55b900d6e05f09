using Backtest.Core.Cleaning;
using Backtest.Core.Costs;
using Backtest.Core.Expressions;
using Backtest.Core.Features;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Lake.Sources;
using Backtest.Lake.Specs;
using Backtest.Lake.Tables;
using Backtest.Parquet;

namespace Backtest.Cli.Run;

/// <summary>Which failures are the user's input (exit 1, one paragraph) rather than a bug, and how each reads.</summary>
internal static class BadInput
{
    /// <summary>True for the typed errors of files, specs, blueprints, costs and bars, and for IO failures.</summary>
    public static bool Is(Exception e) => e is SpecException or RawDataException or LakeFormatException or ParquetFormatException
        or CostDigestMismatchException or CostSettingsException or StrategyCompilationException or StrategyException
        or BlueprintValidationException or BlueprintFormatException or ExpressionException or FeatureSpecException or FeatureCycleException
        or CleanException or RunInputException or IOException or UnauthorizedAccessException;

    /// <summary>The message as one paragraph.</summary>
    public static string Describe(Exception e)
    {
        var text = e is IOException or UnauthorizedAccessException ? $"cannot read or write a file: {e.Message}" : e.Message;
        return text.ReplaceLineEndings(" ");
    }
}
