namespace Backtest.Core.Simulation;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; Vigna's reference C code): expands one 64-bit seed into
/// well-mixed state words, the seeding procedure xoshiro's authors recommend, so nearby seeds (1, 2, 3 …)
/// still give unrelated streams.
/// </summary>
public static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
