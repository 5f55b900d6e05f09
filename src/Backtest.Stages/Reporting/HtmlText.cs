using System.Text;

namespace Backtest.Stages.Reporting;

/// <summary>
/// HTML encoding of every string that comes from the model (ids, triggers, notes can hold anything a spec
/// author typed): markup characters become entities and control characters are dropped, so no model text
/// can open a tag, close an attribute or inject a script.
/// </summary>
internal static class HtmlText
{
    /// <summary>Text safe both as element content and inside a double- or single-quoted attribute.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\n' or '\t': sb.Append(' '); break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
