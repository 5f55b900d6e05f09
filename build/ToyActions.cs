using System.Globalization;
using Backtest.Targets;

/// <summary>PLACEHOLDER stage code for the toy graph (real stages live in src/Backtest.Stages).</summary>
static class ToyActions
{
    /// <summary>One action per n writing n² (after waiting <paramref name="delayMs"/>, cancellably).</summary>
    public static IEnumerable<BuildAction> Squares(int count, int delayMs)
    {
        for (var n = 1; n <= count; n++)
        {
            var value = n;
            var output = $"data/toy/squares/{value}.txt";
            yield return new BuildAction
            {
                Partition = value.ToString(CultureInfo.InvariantCulture),
                Code = [typeof(ToyActions).Assembly],
                Outputs = [output],
                Run = ctx =>
                {
                    if (delayMs > 0 && ctx.Cancellation.WaitHandle.WaitOne(delayMs)) ctx.Cancellation.ThrowIfCancellationRequested();
                    File.WriteAllText(ctx.OutputPath(output), (value * value).ToString(CultureInfo.InvariantCulture) + "\n");
                    ctx.Info = $"{value}² = {value * value}";
                },
            };
        }
    }

    /// <summary>One action summing every square.</summary>
    public static IEnumerable<BuildAction> Total(int count)
    {
        var inputs = Enumerable.Range(1, count).Select(n => $"data/toy/squares/{n}.txt").ToArray();
        yield return new BuildAction
        {
            Partition = "all",
            Code = [typeof(ToyActions).Assembly],
            Inputs = inputs,
            Outputs = ["data/toy/total.txt"],
            Run = ctx =>
            {
                var total = inputs.Sum(path => long.Parse(File.ReadAllText(ctx.InputPath(path)).Trim(), CultureInfo.InvariantCulture));
                File.WriteAllText(ctx.OutputPath("data/toy/total.txt"), total.ToString(CultureInfo.InvariantCulture) + "\n");
                ctx.Info = $"total {total}";
            },
        };
    }
}
