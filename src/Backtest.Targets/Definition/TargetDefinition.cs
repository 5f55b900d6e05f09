using System.Linq.Expressions;

namespace Backtest.Targets;

/// <summary>Collects what a target's fluent declaration says; the runner links the referenced targets afterwards.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Func<bool>> StaticConditions { get; } = [];
    public List<Func<bool>> DynamicConditions { get; } = [];
    public List<LambdaExpression> Requirements { get; } = [];
    public List<TargetStep> Steps { get; } = [];
    public bool IsProceedAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }

    public ITargetDefinition Description(string text) { DescriptionText = text; return this; }
    public ITargetDefinition DependsOn(params Target[] targets) { DependsOnTargets.AddRange(targets); return this; }
    public ITargetDefinition After(params Target[] targets) { AfterTargets.AddRange(targets); return this; }
    public ITargetDefinition Before(params Target[] targets) { BeforeTargets.AddRange(targets); return this; }
    public ITargetDefinition Triggers(params Target[] targets) { TriggersTargets.AddRange(targets); return this; }
    public ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions) { StaticConditions.AddRange(conditions); return this; }
    public ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions) { DynamicConditions.AddRange(conditions); return this; }
    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters) { Requirements.AddRange(parameters); return this; }
    public ITargetDefinition ProceedAfterFailure() { IsProceedAfterFailure = true; return this; }
    public ITargetDefinition Unlisted() { IsUnlisted = true; return this; }
    public ITargetDefinition Executes(Action action) { Steps.Add(new TargetStep(action, null)); return this; }
    public ITargetDefinition Actions(Func<IEnumerable<BuildAction>> actions) { Steps.Add(new TargetStep(null, actions)); return this; }
}
