using Backtest.Core.Events;
using Backtest.Core.Expressions;

namespace Backtest.Lake.Specs;

/// <summary>
/// Loads spec/events/*.yaml into checked <see cref="EventDefinition"/>s: the condition must be a boolean
/// expression over known names (bar fields and feature ids); errors point into the file at the bad token.
/// </summary>
public static class EventLoader
{
    /// <summary>The events folder.</summary>
    public const string Folder = "spec/events";

    private static readonly string[] Keys = ["description", "when", "cooldown", "side", "strength"];

    /// <summary>Every event by id with its file, validated against the names that exist.</summary>
    public static IReadOnlyDictionary<string, (EventDefinition Event, string File)> LoadAll(string root, IReadOnlySet<string> knownNames)
    {
        var result = new SortedDictionary<string, (EventDefinition, string)>(StringComparer.Ordinal);
        foreach (var file in SpecFile.List(root, Folder))
        {
            var id = SpecFile.IdOf(file);
            result.Add(id, (Parse(SpecFile.ReadMap(root, file), id, knownNames), file));
        }
        return result;
    }

    /// <summary>The ids of the event specs present (the spec index), without parsing them.</summary>
    public static IReadOnlyList<string> Ids(string root) => SpecFile.List(root, Folder).Select(SpecFile.IdOf).ToArray();

    /// <summary>Validates one event mapping.</summary>
    public static EventDefinition Parse(SpecMap map, string id, IReadOnlySet<string> knownNames)
    {
        map.RejectUnknownKeys(Keys);
        var description = map.RequireString("description");
        var when = ParseExpression(map.RequireScalar("when"), ExpressionType.Boolean, knownNames);
        var cooldown = map.Has("cooldown") ? map.RequireInt("cooldown", 0, 1_000_000) : 0;
        var sideNode = map.OptionalScalar("side");
        var side = sideNode?.Text switch
        {
            null or "none" => EventSide.None,
            "long" => EventSide.Long,
            "short" => EventSide.Short,
            _ => throw sideNode.Error($"side is 'long', 'short' or 'none', found '{sideNode.Text}'"),
        };
        var strength = map.OptionalScalar("strength") is { } s ? ParseExpression(s, ExpressionType.Number, knownNames) : null;
        return new EventDefinition(id, when, cooldown, side, strength, description);
    }

    /// <summary>Parses an expression held in a YAML scalar; syntax and name errors point at the token in the file.</summary>
    public static ParsedExpression ParseExpression(SpecScalar scalar, ExpressionType expected, IReadOnlySet<string> knownNames)
    {
        try
        {
            return Expression.Parse(scalar.AsString(), expected, knownNames);
        }
        catch (ExpressionException e)
        {
            throw scalar.ErrorAt(e.Column, e.Reason);
        }
    }
}
