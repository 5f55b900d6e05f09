using System.Reflection;

namespace Backtest.Stages.Pipeline;

/// <summary>
/// The assemblies whose code decides a stage's output: their fingerprints go into every action key, so a
/// code change reruns what it could affect (and only identical bytes stop it spreading: early cutoff).
/// </summary>
public static class StageCode
{
    /// <summary>Stages, Lake, Core and the Parquet codec.</summary>
    public static readonly IReadOnlyList<Assembly> Assemblies =
    [
        typeof(StageCode).Assembly,
        typeof(Lake.Layout.LakeLayout).Assembly,
        typeof(Core.Bars.BarFrame).Assembly,
        typeof(Parquet.ParquetFile).Assembly,
    ];
}
