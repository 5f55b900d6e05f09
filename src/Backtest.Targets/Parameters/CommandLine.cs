namespace Backtest.Targets;

/// <summary>
/// The parsed command line: positional arguments (targets) and named options with their values. Option names are
/// matched case-insensitively with dashes ignored; an unknown option is an error listing the known ones.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, (string Spelling, List<string> Values)> _options;

    private CommandLine(List<string> positional, Dictionary<string, (string, List<string>)> options)
    {
        Positional = positional;
        _options = options;
    }

    /// <summary>Positional arguments, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="shapes"/> maps a matching key to its shape.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, (OptionShape Shape, string Display)> shapes)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, (string, List<string>)>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!IsOption(token))
            {
                positional.Add(token);
                continue;
            }
            var name = token.TrimStart('-');
            string? inline = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }
            var key = ParameterNames.Key(name);
            if (!shapes.TryGetValue(key, out var shape))
                throw new ParameterException($"Unknown option '{token}' on the command line. Known options: {string.Join(", ", shapes.Values.Select(s => "--" + s.Display).Distinct().Order(StringComparer.Ordinal))}.");
            if (options.ContainsKey(key))
                throw new ParameterException($"Option --{shape.Display} is given twice on the command line; give it once (lists take several values: --{shape.Display} A B).");
            var values = new List<string>();
            if (inline is not null) values.Add(inline);
            else
                switch (shape.Shape)
                {
                    case OptionShape.Flag:
                        if (i + 1 < args.Count && (args[i + 1].Equals("true", StringComparison.OrdinalIgnoreCase) || args[i + 1].Equals("false", StringComparison.OrdinalIgnoreCase)))
                            values.Add(args[++i]);
                        break;
                    case OptionShape.Scalar:
                        if (i + 1 < args.Count && !IsOption(args[i + 1])) values.Add(args[++i]);
                        else throw new ParameterException($"Option --{shape.Display} on the command line expects a value.");
                        break;
                    case OptionShape.List:
                        while (i + 1 < args.Count && !IsOption(args[i + 1])) values.Add(args[++i]);
                        break;
                }
            options[key] = (token, values);
        }
        return new CommandLine(positional, options);
    }

    /// <summary>True when the option was given.</summary>
    public bool Has(string key) => _options.ContainsKey(key);

    /// <summary>The values given for an option (empty for a bare switch), or null when it was not given.</summary>
    public IReadOnlyList<string>? Values(string key) => _options.TryGetValue(key, out var option) ? option.Values : null;

    /// <summary>"--name" or "-name" followed by a letter; "-5" stays a value.</summary>
    private static bool IsOption(string token) =>
        token.Length > 1 && token[0] == '-' && (char.IsLetter(token[1]) || (token.Length > 2 && token[1] == '-' && char.IsLetter(token[2])));
}
