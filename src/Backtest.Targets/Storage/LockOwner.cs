using System.Text.Json.Serialization;

namespace Backtest.Targets;

/// <summary>Who holds the pipeline lock, as written beside it.</summary>
internal sealed record LockOwner(int Pid, string Command, string Since, string Host);

/// <summary>Source-generated JSON for <see cref="LockOwner"/> (no reflection at startup).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(LockOwner))]
internal sealed partial class LockOwnerJson : JsonSerializerContext;
