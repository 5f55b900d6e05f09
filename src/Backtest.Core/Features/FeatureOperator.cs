namespace Backtest.Core.Features;

/// <summary>
/// One feature operator as the catalog knows it: its name in specs, a one-line doc, what it reads, its parameters
/// (sorted by name) and how it evaluates. One record holds all of it so the spec checks, the JSON Schema and the
/// computation cannot disagree about an operator.
/// </summary>
/// <param name="Name">The value of <c>op:</c> in a spec.</param>
/// <param name="Doc">One line for editors, <c>--help</c> and error messages, including the warm-up convention.</param>
/// <param name="Inputs">What it reads.</param>
/// <param name="Parameters">Its parameters, sorted by name (ordinal).</param>
/// <param name="Evaluate">The computation.</param>
public sealed record FeatureOperator(
    string Name,
    string Doc,
    FeatureInputs Inputs,
    IReadOnlyList<FeatureParameter> Parameters,
    FeatureEvaluator Evaluate)
{
    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public FeatureParameter? Parameter(string name)
    {
        foreach (var parameter in Parameters)
            if (parameter.Name == name) return parameter;
        return null;
    }
}
