using System.Collections.ObjectModel;
using System.Reflection;

namespace Backtest.Targets;

/// <summary>
/// One cached unit of work of a target. Its key hashes everything it declares it reads (code, parameters, spec
/// files, upstream artifacts by content, extra digests); the runner skips it when a record for that key exists and
/// its outputs are intact, restores the outputs from the blob store when they are not, and runs it otherwise.
/// </summary>
public sealed record BuildAction
{
    /// <summary>Identifies the action within its target, e.g. "BTCUSDT/rv_1h"; unique within the target.</summary>
    public required string Partition { get; init; }

    /// <summary>The assemblies implementing the work: their module version ids enter the key.</summary>
    public required IReadOnlyList<Assembly> Code { get; init; }

    /// <summary>Parameter name → canonical value (see <see cref="ParameterValue"/>) of the parameters the action uses.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Root-relative spec files read; their content hashes enter the key.</summary>
    public IReadOnlyList<string> Specs { get; init; } = [];

    /// <summary>Root-relative spec path → a stage-normalised digest, used instead of the file hash (edits that do not change meaning do not rerun).</summary>
    public IReadOnlyDictionary<string, string> SpecDigests { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Root-relative upstream files read; their content hashes enter the key (early cutoff follows).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Root-relative files written (under data/), through <see cref="ActionContext.OutputPath"/>.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>
    /// Root-relative folders wholly owned by the action: files written there through <see cref="ActionContext.OutputPath"/>
    /// are outputs too, and files left over from earlier runs are removed on commit and restore.
    /// </summary>
    public IReadOnlyList<string> OwnedFolders { get; init; } = [];

    /// <summary>Further named digests that enter the key, e.g. cost_digest.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The work: reads through <see cref="ActionContext.InputPath"/>, writes through <see cref="ActionContext.OutputPath"/>.</summary>
    public required Action<ActionContext> Run { get; init; }
}
