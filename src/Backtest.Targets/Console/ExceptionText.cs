namespace Backtest.Targets;

/// <summary>Renders an exception as one readable paragraph: its message followed by inner messages it does not already contain.</summary>
internal static class ExceptionText
{
    /// <summary>"outer: inner: innermost", skipping repeats; aggregate exceptions list each inner message.</summary>
    public static string Flatten(Exception exception)
    {
        if (exception is AggregateException aggregate)
        {
            var flat = aggregate.Flatten().InnerExceptions;
            return flat.Count == 1 ? Flatten(flat[0]) : string.Join("; ", flat.Select(Flatten));
        }
        var text = exception.Message.Trim();
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            var message = inner.Message.Trim();
            if (message.Length > 0 && !text.Contains(message, StringComparison.Ordinal))
                text = $"{text.TrimEnd('.')}: {message}";
        }
        return text.Replace("\r", "").Replace('\n', ' ');
    }
}
