using System.Globalization;
using System.Reflection;

namespace Backtest.Targets;

/// <summary>A <c>[Parameter]</c> field or property of the build: its names, type, and conversion from text.</summary>
internal sealed class ParameterMember
{
    private ParameterMember(MemberInfo member, Type type, ParameterAttribute attribute)
    {
        Member = member;
        Type = type;
        Name = attribute.Name ?? member.Name;
        Key = ParameterNames.Key(Name);
        Dashed = ParameterNames.Dashed(Name);
        Description = attribute.Description;
        IsArray = type.IsArray;
        var element = IsArray ? type.GetElementType()! : type;
        IsNullable = Nullable.GetUnderlyingType(element) is not null;
        Scalar = Nullable.GetUnderlyingType(element) ?? element;
        if (!(Scalar == typeof(string) || Scalar == typeof(bool) || Scalar == typeof(int) || Scalar == typeof(long) || Scalar == typeof(double) || Scalar.IsEnum)
            || (IsArray && IsNullable))
            throw new ParameterException($"Parameter {member.DeclaringType?.Name}.{member.Name} has type {type.Name}; supported: string, bool, int, long, double, enums, their nullable forms, and arrays of them.");
    }

    public MemberInfo Member { get; }
    public Type Type { get; }
    public string Name { get; }
    public string Key { get; }
    public string Dashed { get; }
    public string Description { get; }
    public bool IsArray { get; }
    public bool IsNullable { get; }
    public Type Scalar { get; }

    /// <summary>How the command line should read this parameter's values.</summary>
    public OptionShape Shape => IsArray ? OptionShape.List : Scalar == typeof(bool) ? OptionShape.Flag : OptionShape.Scalar;

    /// <summary>Every parameter of <paramref name="buildType"/> (base classes first, declaration order).</summary>
    public static IReadOnlyList<ParameterMember> Of(Type buildType)
    {
        var chain = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType) chain.Insert(0, type);
        var members = new List<ParameterMember>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in chain)
            foreach (var member in type.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute) continue;
                var memberType = member switch
                {
                    FieldInfo field => field.FieldType,
                    PropertyInfo property when property.CanWrite || BackingField(property) is not null => property.PropertyType,
                    PropertyInfo property => throw new ParameterException($"Parameter property {type.Name}.{property.Name} has no setter; give it `{{ get; init; }}` or use a field."),
                    _ => null,
                };
                if (memberType is null) continue;
                var parameter = new ParameterMember(member, memberType, attribute);
                if (!keys.TryAdd(parameter.Key, member.Name))
                    throw new ParameterException($"Parameters {keys[parameter.Key]} and {member.Name} of {buildType.Name} have the same name once case and dashes are ignored.");
                members.Add(parameter);
            }
        return members;
    }

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (Member)
        {
            case FieldInfo field: field.SetValue(build, value); break;
            case PropertyInfo property when property.CanWrite: property.SetValue(build, value); break;
            case PropertyInfo property: BackingField(property)!.SetValue(build, value); break;
        }
    }

    /// <summary>Converts text values from <paramref name="source"/> (named in errors) to this parameter's type.</summary>
    public object? Convert(IReadOnlyList<string> values, string source)
    {
        if (IsArray)
        {
            var array = Array.CreateInstance(Type.GetElementType()!, values.Count);
            for (var i = 0; i < values.Count; i++) array.SetValue(ConvertScalar(values[i], source), i);
            return array;
        }
        if (values.Count == 0)
        {
            if (Scalar == typeof(bool)) return true;
            throw new ParameterException($"Parameter --{Dashed} from {source} has no value; it expects one {Describe(Scalar)}.");
        }
        if (values.Count > 1)
            throw new ParameterException($"Parameter --{Dashed} from {source} has {values.Count} values ({string.Join(" ", values)}); it takes one {Describe(Scalar)}.");
        return ConvertScalar(values[0], source);
    }

    private object ConvertScalar(string text, string source)
    {
        object? value = null;
        if (Scalar == typeof(string)) value = text;
        else if (Scalar == typeof(bool)) value = text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null;
        else if (Scalar == typeof(int)) value = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
        else if (Scalar == typeof(long)) value = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;
        else if (Scalar == typeof(double)) value = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        else if (Scalar.IsEnum)
            foreach (var name in Enum.GetNames(Scalar))
                if (name.Equals(text, StringComparison.OrdinalIgnoreCase) || ParameterNames.Key(name) == ParameterNames.Key(text)) { value = Enum.Parse(Scalar, name); break; }
        return value ?? throw new ParameterException($"Parameter --{Dashed} from {source}: '{text}' is not {Describe(Scalar)}.");
    }

    private static string Describe(Type scalar) =>
        scalar == typeof(bool) ? "a boolean (true or false)"
        : scalar == typeof(int) ? "a whole number (int)"
        : scalar == typeof(long) ? "a whole number (long)"
        : scalar == typeof(double) ? "a number (double, invariant culture: 0.5)"
        : scalar.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(scalar))}"
        : "a string";

    private static FieldInfo? BackingField(PropertyInfo property) =>
        property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
}
