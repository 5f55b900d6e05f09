using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Backtest.Core.Simulation;

/// <summary>
/// Seeds derived from the user's <c>--sim-seed</c>: SHA-256 of a fixed text, first 8 bytes little-endian.
/// SHA-256 and UTF-8 are specified to the bit, so a seed is the same on every run, machine and .NET version,
/// unlike <see cref="string.GetHashCode()"/> which is randomised per process.
/// </summary>
public static class SimulationSeed
{
    /// <summary>The seed of one symbol's own randomness: SHA-256 of "baseSeed|symbol" (base seed in decimal).</summary>
    public static ulong ForSymbol(ulong baseSeed, string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return FromText(baseSeed.ToString(CultureInfo.InvariantCulture) + "|" + symbol);
    }

    /// <summary>
    /// The seed of the market-wide factor every symbol shares: SHA-256 of "baseSeed#market". The '#' keeps it
    /// apart from every <see cref="ForSymbol"/> text, which has '|' right after the digits.
    /// </summary>
    public static ulong ForMarket(ulong baseSeed) => FromText(baseSeed.ToString(CultureInfo.InvariantCulture) + "#market");

    /// <summary>First 8 bytes (little-endian) of SHA-256 of the UTF-8 text.</summary>
    internal static ulong FromText(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
