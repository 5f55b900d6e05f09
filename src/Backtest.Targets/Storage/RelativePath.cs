namespace Backtest.Targets;

/// <summary>
/// Root-relative paths in one canonical spelling (forward slashes, no "." or ".." segments) so that keys, records
/// and plans never depend on where the repository is cloned or on the platform's separator.
/// </summary>
internal static class RelativePath
{
    /// <summary>
    /// Canonical form of <paramref name="path"/>; throws naming <paramref name="context"/> when it is absolute or
    /// escapes the root. With <paramref name="allowParent"/> (inputs and specs only: external raw data such as
    /// ../shared/data) leading ".." segments are kept, so the path stays relative and clone-independent.
    /// </summary>
    public static string Normalize(string path, string context, bool allowParent = false)
    {
        if (IsCanonical(path)) return path;
        if (string.IsNullOrWhiteSpace(path))
            throw new ActionDefinitionException($"{context}: the path is empty.");
        var text = path.Replace('\\', '/');
        if (text.StartsWith('/') || Path.IsPathRooted(path) || (text.Length > 1 && text[1] == ':'))
            throw new ActionDefinitionException($"{context}: '{path}' is absolute; paths must be relative to the repository root (e.g. data/lake/...).");
        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part == ".") continue;
            if (part == ".." && allowParent && kept.All(k => k == "..")) { kept.Add(part); continue; }
            if (part == "..")
                throw new ActionDefinitionException($"{context}: '{path}' contains '..'; paths must stay inside the repository root.");
            kept.Add(part);
        }
        if (kept.Count == 0 || kept.All(k => k == ".."))
            throw new ActionDefinitionException($"{context}: '{path}' names the root itself.");
        return string.Join('/', kept);
    }

    /// <summary>True when <paramref name="path"/> already is canonical (the common case: no allocation needed).</summary>
    private static bool IsCanonical(string path)
    {
        if (path.Length == 0 || path[0] == '/' || (path.Length > 1 && path[1] == ':')) return false;
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/')
            {
                if (path[i] == '\\') return false;
                continue;
            }
            var length = i - start;
            if (length == 0) return false;
            if (path[start] == '.' && (length == 1 || (length == 2 && path[start + 1] == '.'))) return false;
            start = i + 1;
        }
        return !char.IsWhiteSpace(path[0]);
    }

    /// <summary>The absolute path of canonical <paramref name="relative"/> under <paramref name="root"/>.</summary>
    public static string ToAbsolute(string root, string relative) =>
        Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Canonical root-relative form of an absolute path below <paramref name="root"/>.</summary>
    public static string FromAbsolute(string root, string absolute) =>
        Path.GetRelativePath(root, absolute).Replace('\\', '/');

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies below it.</summary>
    public static bool IsUnder(string path, string folder) =>
        path.Length > folder.Length ? path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/' : path == folder;
}
