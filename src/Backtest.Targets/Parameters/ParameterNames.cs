using System.Text;

namespace Backtest.Targets;

/// <summary>How parameter names are spelled and matched: <c>--sim-days</c>, <c>SIM_DAYS</c> and <c>SimDays</c> are one parameter.</summary>
internal static class ParameterNames
{
    /// <summary>The matching key: letters and digits only, lower case.</summary>
    public static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    /// <summary>The command-line spelling: camel humps split by dashes, lower case (SimDays → sim-days, HTTPPort → http-port).</summary>
    public static string Dashed(string name)
    {
        if (name.Contains('-')) return name.ToLowerInvariant();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_') { builder.Append('-'); continue; }
            if (i > 0 && char.IsUpper(c))
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
