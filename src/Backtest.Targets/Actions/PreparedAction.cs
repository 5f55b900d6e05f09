namespace Backtest.Targets;

/// <summary>
/// A <see cref="BuildAction"/> after validation: paths in canonical root-relative form, code fingerprinted, maps
/// sorted. Everything the key, the scheduler and the context need, computed once.
/// </summary>
internal sealed class PreparedAction
{
    private readonly string[] _reads;

    public PreparedAction(string target, int index, BuildAction source, string dataFolder)
    {
        Target = target;
        Index = index;
        Source = source;
        if (string.IsNullOrWhiteSpace(source.Partition))
            throw new ActionDefinitionException($"Action {index + 1} of target {target} has an empty partition; every action needs a partition unique within its target.");
        Partition = source.Partition;
        Label = $"{target}[{source.Partition}]";
        if (source.Code is null || source.Code.Count == 0)
            throw new ActionDefinitionException($"{Label} lists no Code assemblies; the key must change when the code that computes the outputs changes.");
        if (source.Run is null)
            throw new ActionDefinitionException($"{Label} has no Run delegate.");

        Code = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in source.Code)
        {
            var (name, mvid) = CodeFingerprint.Of(assembly);
            Code[name] = mvid;
        }

        Params = Copy(source.Parameters, "parameter");
        Extra = Copy(source.Extra, "extra");
        SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, digest) in source.SpecDigests ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty)
            SpecDigests[RelativePath.Normalize(path, $"spec digest of {Label}", allowParent: true)] = digest;
        Specs = Distinct(source.Specs, "spec", allowParent: true);
        Inputs = Distinct(source.Inputs, "input", allowParent: true);
        Outputs = Distinct(source.Outputs, "output");
        OwnedFolders = Distinct(source.OwnedFolders, "owned folder");

        foreach (var path in Outputs.Concat(OwnedFolders))
            if (!RelativePath.IsUnder(path, dataFolder) || path == dataFolder)
                throw new ActionDefinitionException($"{Label} writes '{path}', outside the data folder '{dataFolder}/'; actions may only write under it (it is what the lock protects and what crash recovery sweeps).");
        for (var i = 0; i < OwnedFolders.Length; i++)
            for (var j = 0; j < OwnedFolders.Length; j++)
                if (i != j && RelativePath.IsUnder(OwnedFolders[i], OwnedFolders[j]))
                    throw new ActionDefinitionException($"{Label} owns '{OwnedFolders[j]}' and '{OwnedFolders[i]}' inside it; own the outer folder only.");

        _reads = [.. Inputs, .. Specs, .. SpecDigests.Keys];
        foreach (var input in Inputs)
            if (WritesPath(input))
                throw new ActionDefinitionException($"{Label} both reads and writes '{input}'; an action cannot consume its own output.");
    }

    public string Target { get; }
    public int Index { get; }
    public string Partition { get; }
    public string Label { get; }
    public BuildAction Source { get; }
    public SortedDictionary<string, string> Code { get; }
    public SortedDictionary<string, string> Params { get; }
    public SortedDictionary<string, string> Extra { get; }
    public SortedDictionary<string, string> SpecDigests { get; }
    public string[] Specs { get; }
    public string[] Inputs { get; }
    public string[] Outputs { get; }
    public string[] OwnedFolders { get; }

    /// <summary>True for a declared input or spec.</summary>
    public bool ReadsPath(string path) => Array.IndexOf(_reads, path) >= 0;

    /// <summary>True for a declared output or a path under an owned folder.</summary>
    public bool WritesPath(string path)
    {
        foreach (var output in Outputs)
            if (output == path) return true;
        foreach (var folder in OwnedFolders)
            if (RelativePath.IsUnder(path, folder) && path != folder) return true;
        return false;
    }

    private string[] Distinct(IReadOnlyList<string>? paths, string kind, bool allowParent = false)
    {
        if (paths is null || paths.Count == 0) return [];
        var list = new List<string>(paths.Count);
        foreach (var path in paths)
        {
            var normalized = RelativePath.Normalize(path, $"{kind} of {Label}", allowParent);
            if (!list.Contains(normalized)) list.Add(normalized);
        }
        return [.. list];
    }

    private SortedDictionary<string, string> Copy(IReadOnlyDictionary<string, string>? source, string kind)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (source is null || source.Count == 0) return map;
        foreach (var (name, value) in source)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ActionDefinitionException($"{Label} declares an {kind} with an empty name.");
            map[name] = value ?? throw new ActionDefinitionException($"{Label} declares {kind} '{name}' with a null value; use a canonical string.");
        }
        return map;
    }
}
