using System.Diagnostics;

namespace Backtest.Targets;

/// <summary>A target with its definition linked to the other targets, plus its state during a run.</summary>
internal sealed class ExecutableTarget(string name, int declaration, Target factory, TargetDefinition definition)
{
    public string Name { get; } = name;

    /// <summary>Position in the build class (base classes first): the tie-breaker that keeps plans deterministic.</summary>
    public int Declaration { get; } = declaration;

    public Target Factory { get; } = factory;
    public TargetDefinition Definition { get; } = definition;
    public bool IsDefault { get; set; }
    public bool Invoked { get; set; }

    /// <summary>DependsOn: must run first and join the plan.</summary>
    public List<ExecutableTarget> ExecutionDependencies { get; } = [];

    /// <summary>After (and others' Before): run first when both are planned.</summary>
    public List<ExecutableTarget> OrderDependencies { get; } = [];

    /// <summary>Targets that trigger this one: run first.</summary>
    public List<ExecutableTarget> TriggerDependencies { get; } = [];

    /// <summary>Targets this one triggers.</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public IEnumerable<ExecutableTarget> AllDependencies => ExecutionDependencies.Concat(OrderDependencies).Concat(TriggerDependencies);

    public ExecutionStatus Status { get; set; }
    public string? Info { get; set; }
    public Stopwatch Stopwatch { get; } = new();
    public TimeSpan Duration => Stopwatch.Elapsed;
}
