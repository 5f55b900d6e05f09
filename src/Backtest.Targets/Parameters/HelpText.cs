using System.Text;

namespace Backtest.Targets;

/// <summary>NUKE's <c>--help</c>: listed targets with their direct dependencies and descriptions, then parameters.</summary>
internal static class HelpText
{
    /// <summary>The help text.</summary>
    public static string Render(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> members)
    {
        var text = new StringBuilder();
        var listed = targets.Where(t => !t.Definition.IsUnlisted).ToList();
        var pad = Math.Max(listed.Select(t => t.Name.Length + (t.IsDefault ? 10 : 0)).DefaultIfEmpty(0).Max(), 20);
        text.Append("Targets (with their direct dependencies):\n\n");
        foreach (var target in listed)
        {
            var entry = target.Name + (target.IsDefault ? " (default)" : "");
            var dependencies = target.ExecutionDependencies.Count > 0 ? " -> " + string.Join(", ", target.ExecutionDependencies.Select(d => d.Name)) : "";
            text.Append(("  " + entry.PadRight(pad) + dependencies).TrimEnd()).Append('\n');
            if (!string.IsNullOrWhiteSpace(target.Definition.DescriptionText))
                text.Append("    ").Append(target.Definition.DescriptionText).Append('\n');
        }

        var defaults = targets.Where(t => t.IsDefault).Select(t => t.Name).ToList();
        var runner = RunnerOptions.All.Select(o => (Name: o.Name, Text: o.Description.Replace("{default_target}", defaults.Count > 0 ? string.Join(", ", defaults) : "<none>"))).ToList();
        var parameterPad = Math.Max(members.Select(m => m.Dashed.Length).Concat(runner.Select(o => o.Name.Length)).DefaultIfEmpty(0).Max(), 16);
        text.Append("\nParameters:\n");
        if (members.Count > 0) text.Append('\n');
        foreach (var member in members)
            Line(text, member.Dashed, member.Description.Length > 0 ? member.Description : "<no description>", parameterPad);
        text.Append('\n');
        foreach (var (name, description) in runner) Line(text, name, description, parameterPad);
        return text.ToString().TrimEnd('\n');
    }

    private static void Line(StringBuilder text, string name, string description, int pad)
    {
        var lines = new List<string> { "" };
        foreach (var word in (description.TrimEnd('.') + ".").Split(' '))
        {
            if (pad + 6 + lines[^1].Length + word.Length > 90 && lines[^1].Length > 0) lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        text.Append("  --").Append(name.PadRight(pad)).Append("  ").Append(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1)) text.Append(' ', pad + 6).Append(line).Append('\n');
    }
}
