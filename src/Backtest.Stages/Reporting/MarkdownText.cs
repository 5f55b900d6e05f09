using System.Text;

namespace Backtest.Stages.Reporting;

/// <summary>
/// Markdown escaping for model strings in GitHub-flavoured tables and lists: a stray pipe must not add a
/// column, a newline must not end the row, and an angle bracket must not become raw HTML in a renderer.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// Prose: Markdown punctuation backslash-escaped (<c>\&lt;</c> cannot open an HTML tag), one line. An underscore
    /// between two letters or digits is left alone: it cannot emphasise (snake_case stays readable).
    /// </summary>
    public static string Prose(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var line = OneLine(text);
        var sb = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var intraword = c == '_' && i > 0 && i < line.Length - 1 && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(line[i + 1]);
            if (c is '\\' or '|' or '*' or '`' or '[' or ']' or '<' or '#' || (c == '_' && !intraword)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Prose starting a list item: a leading -, +, &gt; or digit run with a dot would otherwise nest a block.</summary>
    public static string ListItem(string? text)
    {
        var prose = Prose(text);
        if (prose.Length == 0) return prose;
        var digits = 0;
        while (digits < prose.Length && char.IsAsciiDigit(prose[digits])) digits++;
        if (digits > 0 && digits < prose.Length && prose[digits] is '.' or ')') return prose[..digits] + "\\" + prose[digits..];
        return prose[0] is '-' or '+' or '>' or '=' or '~' ? "\\" + prose : prose;
    }

    /// <summary>
    /// An identifier, expression or hash as a code span (read literally, no escapes needed except the table pipe);
    /// the fence is longer than any backtick run inside.
    /// </summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var line = OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        for (int i = 0, run = 0; i < line.Length; i++)
        {
            run = line[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return fence + pad + line + pad + fence;
    }

    private static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r') continue;
            if (c is '\n' or '\t') sb.Append(' ');
            else if (!char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
