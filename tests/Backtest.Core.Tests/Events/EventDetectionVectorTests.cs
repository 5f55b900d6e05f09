using Backtest.Core.Events;
using Backtest.Core.Tests.Expressions;

namespace Backtest.Core.Tests.Events;

/// <summary>Hand vectors of level-triggered detection with cooldown (vectors/expressions/events/detection.json).</summary>
public sealed class EventDetectionVectorTests
{
    private static string Folder => Path.Combine(ExpressionVectorFile.Folder, "events");

    public static IEnumerable<object[]> Cases() => ExpressionVectorFile.Cases(Folder);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector(string file, string name)
    {
        var (c, _) = ExpressionVectorFile.Find(Folder, file, name);
        var when = c.GetProperty("when").GetString()!.Select(ch => ch == '1').ToArray();
        var cooldown = c.GetProperty("cooldown").GetInt32();
        var side = (EventSide)c.GetProperty("side").GetInt32();
        var bars = c.GetProperty("bars").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        var occurrences = c.TryGetProperty("strength", out var strength)
            ? EventDetector.Detect(when, cooldown, side, ExpressionVectorFile.Numbers(strength))
            : EventDetector.Detect(when, cooldown, side);

        Assert.Equal(bars, occurrences.BarIndex);
        Assert.Equal(bars.Length, occurrences.Count);
        Assert.All(occurrences.Side, s => Assert.Equal(side, s));
        var strengths = c.TryGetProperty("strengths", out var s) ? ExpressionVectorFile.Numbers(s) : bars.Select(_ => 1.0).ToArray();
        Assert.Equal(strengths.Length, occurrences.Strength.Length);
        for (var i = 0; i < strengths.Length; i++)
            Assert.True(strengths[i].Equals(occurrences.Strength[i]), $"occurrence {i}: strength {occurrences.Strength[i]}, expected {strengths[i]}");
    }
}
