using System.Linq.Expressions;

namespace Backtest.Targets;

/// <summary>The fluent vocabulary a target uses to declare itself; mirrors NUKE's so builds read the same.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string text);

    /// <summary>Targets that must run (and succeed) before this one; they join the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Ordering only: when both are planned, the given targets run first.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Ordering only: when both are planned, this target runs before the given ones.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Targets that join the plan whenever this one is planned, and run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Conditions evaluated before anything runs; when one is false the target is skipped.</summary>
    ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions);

    /// <summary>Conditions evaluated just before the target runs (they may see earlier targets' effects).</summary>
    ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions);

    /// <summary>Parameters that must be set (non-null, non-empty) or boolean requirements that must hold before anything runs.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);

    /// <summary>When this target fails the build still runs later targets that do not depend on it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Hidden from <c>--help</c> (still invocable).</summary>
    ITargetDefinition Unlisted();

    /// <summary>Uncached work (tests, garbage collection, certification): runs every time the target runs.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Cached work: the factory lists the target's actions when the target starts (and under <c>--plan</c>).</summary>
    ITargetDefinition Actions(Func<IEnumerable<BuildAction>> actions);
}
