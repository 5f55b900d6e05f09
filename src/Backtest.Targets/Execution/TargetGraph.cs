using System.Reflection;

namespace Backtest.Targets;

/// <summary>
/// Finds the build's <see cref="Target"/> properties (base classes first, then declaration order), invokes each
/// declaration and links the targets it references. Targets are identified as NUKE does: by their delegate
/// (same method, same build instance).
/// </summary>
internal static class TargetGraph
{
    /// <summary>All targets of <paramref name="build"/>, linked; rejects self-references and cycles.</summary>
    public static IReadOnlyList<ExecutableTarget> Create(PipelineBuild build, IReadOnlyList<string> defaultTargets)
    {
        var properties = TargetProperties(build.GetType());
        var targets = new List<ExecutableTarget>(properties.Count);
        foreach (var property in properties)
        {
            var factory = (Target?)property.GetValue(build)
                ?? throw new TargetDefinitionException($"Target {property.Name} returns null; declare it as `Target {property.Name} => _ => _...`.");
            var definition = new TargetDefinition();
            factory(definition);
            targets.Add(new ExecutableTarget(property.Name, targets.Count, factory, definition));
        }

        ExecutableTarget Resolve(ExecutableTarget from, Target reference)
        {
            foreach (var target in targets)
                if (target.Factory.Equals(reference)) return target;
            throw new TargetDefinitionException($"Target {from.Name} refers to a target that is not a Target property of {build.GetType().Name}.");
        }

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var reference in definition.DependsOnTargets) AddOnce(target.ExecutionDependencies, Resolve(target, reference));
            foreach (var reference in definition.AfterTargets) AddOnce(target.OrderDependencies, Resolve(target, reference));
            foreach (var reference in definition.BeforeTargets) AddOnce(Resolve(target, reference).OrderDependencies, target);
            foreach (var reference in definition.TriggersTargets)
            {
                var triggered = Resolve(target, reference);
                AddOnce(target.Triggers, triggered);
                AddOnce(triggered.TriggerDependencies, target);
            }
        }
        foreach (var target in targets)
            if (target.AllDependencies.Contains(target) || target.Triggers.Contains(target))
                throw new TargetDefinitionException($"Target {target.Name} cannot depend on itself.");
        foreach (var name in defaultTargets) Find(targets, name).IsDefault = true;
        ExecutionPlanner.CheckCycles(targets);
        return targets;
    }

    /// <summary>The target named <paramref name="name"/> (case-insensitive, dashes ignored) or an error listing what exists.</summary>
    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> targets, string name)
    {
        var wanted = name.Replace("-", "");
        foreach (var target in targets)
            if (string.Equals(target.Name, wanted, StringComparison.OrdinalIgnoreCase)) return target;
        var available = targets.Select(t => t.Name).Order(StringComparer.Ordinal);
        throw new TargetDefinitionException($"Target '{name}' does not exist. Available targets are: {string.Join(", ", available)}.");
    }

    private static List<PropertyInfo> TargetProperties(Type buildType)
    {
        var chain = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(PipelineBuild) && type != typeof(object); type = type.BaseType)
            chain.Insert(0, type);
        var byName = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var type in chain)
        {
            var declared = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken);
            foreach (var property in declared)
            {
                if (!byName.ContainsKey(property.Name)) order.Add(property.Name);
                byName[property.Name] = property; // a derived declaration replaces the base one
            }
        }
        var result = order.Select(n => byName[n]).ToList();
        if (result.Count == 0)
            throw new TargetDefinitionException($"{buildType.Name} declares no targets (properties of type Target).");
        return result;
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target)) list.Add(target);
    }
}
