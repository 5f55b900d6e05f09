using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Backtest.Targets;

/// <summary>Checks the <c>Requires</c> of every planned, non-skipped target before anything runs (NUKE fails fast too).</summary>
internal static partial class Requirements
{
    public static void Validate(PipelineBuild build, IReadOnlyList<ParameterMember> members, IReadOnlyList<ExecutableTarget> plan)
    {
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Skipped) continue;
            foreach (var requirement in target.Definition.Requirements)
            {
                object? value;
                try { value = requirement.Compile(preferInterpretation: true).DynamicInvoke(); }
                catch (TargetInvocationException exception)
                {
                    throw new RequirementException($"Target {target.Name} requires '{Text(requirement)}', which threw: {ExceptionText.Flatten(exception.InnerException ?? exception)}");
                }
                var parameter = requirement.Body is MemberExpression member
                    ? members.FirstOrDefault(m => m.Member.MetadataToken == member.Member.MetadataToken && m.Member.Module == member.Member.Module)
                    : null;
                if (requirement.ReturnType == typeof(bool))
                {
                    if (value is true) continue;
                    throw new RequirementException(parameter is null
                        ? $"Target {target.Name} requires '{Text(requirement)}', which is false."
                        : $"Target {target.Name} requires parameter --{parameter.Dashed} to be true.");
                }
                if (!IsMissing(value)) continue;
                throw new RequirementException(parameter is null
                    ? $"Target {target.Name} requires '{Text(requirement)}' to be set (not null or empty)."
                    : $"Target {target.Name} requires parameter --{parameter.Dashed}: pass it on the command line (--{parameter.Dashed} …), set the environment variable {parameter.Name.ToUpperInvariant()}, or add \"{parameter.Name}\" to .nuke/parameters.json.");
            }
        }
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        IEnumerable sequence => !sequence.GetEnumerator().MoveNext(),
        _ => false,
    };

    /// <summary>The requirement as the user wrote it, without compiler closures ("SimDays > 0").</summary>
    private static string Text(LambdaExpression requirement)
    {
        var text = ClosurePrefix().Replace(requirement.Body.ToString(), "");
        return text.StartsWith('(') && text.EndsWith(')') ? text[1..^1] : text;
    }

    [GeneratedRegex(@"value\([^)]*\)\.")]
    private static partial Regex ClosurePrefix();
}
