using System.Collections.Concurrent;
using System.Reflection;

namespace Backtest.Targets;

/// <summary>
/// An assembly's identity for action keys: its simple name and module version id (with deterministic builds a
/// hash of its content). Cached per assembly: asking reflection for a name allocates, and thousands of actions
/// share a handful of assemblies.
/// </summary>
internal static class CodeFingerprint
{
    private static readonly ConcurrentDictionary<Assembly, (string Name, string Mvid)> Known = new();

    /// <summary>(simple name, module version id as "D" text).</summary>
    public static (string Name, string Mvid) Of(Assembly assembly) =>
        Known.GetOrAdd(assembly, a => (a.GetName().Name ?? a.FullName ?? "?", a.ManifestModule.ModuleVersionId.ToString("D")));
}
