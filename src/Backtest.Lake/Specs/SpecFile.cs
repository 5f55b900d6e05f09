namespace Backtest.Lake.Specs;

/// <summary>Reads a spec file relative to the repository root; a missing file is a clear error naming it.</summary>
public static class SpecFile
{
    /// <summary>Parses <paramref name="relativePath"/> under <paramref name="root"/> as a YAML mapping.</summary>
    public static SpecMap ReadMap(string root, string relativePath)
    {
        var full = Path.Combine(root, relativePath);
        if (!File.Exists(full)) throw new SpecException(relativePath, 1, 1, "file not found");
        return SpecNode.ParseMap(relativePath.Replace('\\', '/'), File.ReadAllText(full));
    }

    /// <summary>The YAML files of a spec folder, as sorted root-relative paths (empty when the folder is absent).</summary>
    public static IReadOnlyList<string> List(string root, string relativeFolder)
    {
        var full = Path.Combine(root, relativeFolder);
        if (!Directory.Exists(full)) return [];
        return Directory.EnumerateFiles(full, "*.yaml", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(full, "*.yml", SearchOption.TopDirectoryOnly))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The id a spec file defines: its file name without extension, which must be a valid identifier.</summary>
    public static string IdOf(string relativePath)
    {
        var id = Path.GetFileNameWithoutExtension(relativePath);
        if (!IsIdentifier(id))
            throw new SpecException(relativePath, 1, 1, $"'{id}' is not a valid id: file names of specs use lower-case letters, digits and '_' and start with a letter");
        return id;
    }

    /// <summary>Lower-case identifier: [a-z][a-z0-9_]*.</summary>
    public static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || s[0] is < 'a' or > 'z') return false;
        foreach (var c in s) if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '_')) return false;
        return true;
    }
}
