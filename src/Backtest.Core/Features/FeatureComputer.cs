using Backtest.Core.Bars;

namespace Backtest.Core.Features;

/// <summary>
/// Computes one feature column for one symbol: the unit of work of a Features action. Pure: the frame and the
/// already-computed input features go in, a new column of the frame's length comes out (NaN during warm-up).
/// </summary>
public static class FeatureComputer
{
    /// <summary>
    /// Computes <paramref name="definition"/> over <paramref name="bars"/> with the default catalog. Inputs that are
    /// bar fields come from the frame; feature inputs come from <paramref name="featureColumn"/> (called once per
    /// feature input, which must return a column of the frame's length). Throws
    /// <see cref="FeatureDefinitionException"/> for an invalid definition.
    /// </summary>
    public static double[] Compute(FeatureDefinition definition, BarFrame bars, Func<string, double[]> featureColumn) =>
        Compute(definition, bars, featureColumn, FeatureOperatorCatalog.Default);

    /// <summary>As <see cref="Compute(FeatureDefinition, BarFrame, Func{string, double[]})"/> with a given catalog.</summary>
    public static double[] Compute(FeatureDefinition definition, BarFrame bars, Func<string, double[]> featureColumn, FeatureOperatorCatalog catalog)
    {
        catalog.Validate(definition);
        var op = catalog.Get(definition.Op);
        var names = catalog.InputsOf(definition);
        var inputs = new double[names.Count][];
        for (var i = 0; i < names.Count; i++)
        {
            var column = bars.Field(names[i]) ?? featureColumn(names[i])
                ?? throw new FeatureReferenceException(definition.Id, names[i], $"feature '{definition.Id}' reads '{names[i]}', but no column was supplied for it");
            if (column.Length != bars.Count)
                throw new ArgumentException(
                    $"feature '{definition.Id}' reads '{names[i]}', whose column has {column.Length} values but {bars.Symbol} has {bars.Count} bars; features of one symbol share its bar grid",
                    nameof(featureColumn));
            inputs[i] = column;
        }
        var output = new double[bars.Count];
        op.Evaluate(inputs, catalog.ArgumentsOf(definition), bars, output);
        return output;
    }
}
