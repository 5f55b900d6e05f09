namespace Backtest.Targets;

/// <summary>
/// Sets each <c>[Parameter]</c> member from the first source that has it: command line, then environment, then
/// <c>.nuke/parameters.json</c>; otherwise the field initializer stays. Unknown names in the parameters file are
/// errors (a typo must not silently fall back to a default).
/// </summary>
internal static class ParameterResolver
{
    /// <summary>Resolves every member of <paramref name="members"/> on <paramref name="build"/>.</summary>
    public static void Apply(object build, IReadOnlyList<ParameterMember> members, CommandLine commandLine,
        IReadOnlyDictionary<string, string> environment, ParametersFile file)
    {
        var known = members.ToDictionary(m => m.Key, StringComparer.Ordinal);
        foreach (var entry in file.Entries.Values)
            if (!known.ContainsKey(ParameterNames.Key(entry.Name)))
                throw new ParameterException($".nuke/parameters.json line {entry.Line}, column {entry.Column}: unknown parameter '{entry.Name}'. " +
                    $"Known parameters: {string.Join(", ", members.Select(m => m.Name).Order(StringComparer.Ordinal))}.");

        var environmentByKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in environment.Keys.Order(StringComparer.Ordinal))
        {
            var key = ParameterNames.Key(name);
            if (!known.ContainsKey(key)) continue;
            if (!environmentByKey.TryGetValue(key, out var names)) environmentByKey[key] = names = [];
            names.Add(name);
        }

        foreach (var member in members)
        {
            if (commandLine.Values(member.Key) is { } cliValues)
            {
                member.SetValue(build, member.Convert(cliValues, "the command line"));
                continue;
            }
            if (environmentByKey.TryGetValue(member.Key, out var variables))
            {
                if (variables.Count > 1)
                    throw new ParameterException($"Parameter --{member.Dashed} is set by several environment variables ({string.Join(", ", variables)}); unset all but one.");
                var text = environment[variables[0]];
                IReadOnlyList<string> values = member.IsArray
                    ? text.Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries)
                    : [text];
                member.SetValue(build, member.Convert(values, $"environment variable {variables[0]}"));
                continue;
            }
            if (file.Entries.TryGetValue(member.Key, out var entry) && entry.Values is not null)
                member.SetValue(build, member.Convert(entry.Values, $".nuke/parameters.json line {entry.Line}, column {entry.Column}"));
        }
    }
}
