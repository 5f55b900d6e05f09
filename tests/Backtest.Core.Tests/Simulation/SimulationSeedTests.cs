using System.Globalization;
using Backtest.Core.Simulation;
using Backtest.Testing;

namespace Backtest.Core.Tests.Simulation;

/// <summary>Seeds must be the documented SHA-256 derivation: stable across runs, machines and .NET versions.</summary>
public sealed class SimulationSeedTests
{
    [Theory]
    [InlineData(42UL, "BTCUSDT", 1484322336607166738UL)] // python: int.from_bytes(sha256(b"42|BTCUSDT").digest()[:8], "little")
    [InlineData(42UL, "ETHUSDT", 9512563859423713737UL)]
    [InlineData(0UL, "BTCUSDT", 11451537376383863220UL)]
    public void Symbol_seeds_are_pinned(ulong baseSeed, string symbol, ulong expected) =>
        Assert.Equal(expected, SimulationSeed.ForSymbol(baseSeed, symbol));

    [Fact]
    public void Market_seed_is_pinned() => Assert.Equal(2084158281608336537UL, SimulationSeed.ForMarket(42));

    [ReferenceFact(ReferenceTools.Python)]
    public void Seeds_match_python_hashlib()
    {
        var cases = new List<(string Text, ulong Actual)>();
        foreach (var seed in new ulong[] { 0, 1, 7, 123456789, ulong.MaxValue })
        {
            foreach (var symbol in new[] { "BTCUSDT", "ETHUSDT", "1000PEPEUSDT", "ÄÖÜ" })
                cases.Add(($"{seed.ToString(CultureInfo.InvariantCulture)}|{symbol}", SimulationSeed.ForSymbol(seed, symbol)));
            cases.Add(($"{seed.ToString(CultureInfo.InvariantCulture)}#market", SimulationSeed.ForMarket(seed)));
        }
        var script = "import sys, hashlib\nfor line in sys.stdin.read().split('\\n'):\n    if line: print(int.from_bytes(hashlib.sha256(line.encode('utf-8')).digest()[:8], 'little'))";
        var lines = ReferenceTools.RunPython(script, string.Join('\n', cases.Select(c => c.Text)) + "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Count, lines.Length);
        for (var i = 0; i < cases.Count; i++)
            Assert.True(ulong.Parse(lines[i], CultureInfo.InvariantCulture) == cases[i].Actual, cases[i].Text);
    }

    [Fact]
    public void Symbols_and_the_market_get_different_seeds()
    {
        var seeds = new HashSet<ulong> { SimulationSeed.ForMarket(1) };
        foreach (var s in new[] { "BTCUSDT", "ETHUSDT", "SOLUSDT", "btcusdt", "BTCUSDT " })
            Assert.True(seeds.Add(SimulationSeed.ForSymbol(1, s)), s);
        Assert.NotEqual(SimulationSeed.ForSymbol(1, "BTCUSDT"), SimulationSeed.ForSymbol(2, "BTCUSDT"));
    }
}
