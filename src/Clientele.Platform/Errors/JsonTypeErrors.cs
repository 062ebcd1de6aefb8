using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Clientele.Platform.Errors;

/// <summary>
/// pydantic's wording for a value System.Text.Json could not read ("Input should be a valid integer"). The serializer names a
/// .NET type instead, and for a record's constructor parameter the record rather than the field, so the field's type is found
/// by walking the JSON path through the endpoint's body type; the named type is the fallback.
/// </summary>
internal static partial class JsonTypeErrors
{
    public static string Message(string serializerMessage, Type? bodyType, IReadOnlyList<object> path)
    {
        var type = TypeAt(bodyType, path);
        if (type is null && ConvertedTo().Match(serializerMessage) is { Success: true } converted)
        {
            type = Named(converted.Groups[1].Value, atRoot: path.Count == 0);
        }
        return type is not null ? Wording(type)
            : serializerMessage.Contains("null", StringComparison.OrdinalIgnoreCase) ? "Input should not be null"
            : "Input is not valid for this field";
    }

    /// <summary>The message unless it names a .NET type, which a client has no use for.</summary>
    public static string Plain(string message, string instead) => DotNetName().IsMatch(message) ? instead : message;

    private static string Wording(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(char) => "Input should be a valid string",
            _ when type == typeof(bool) => "Input should be a valid boolean",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) || type == typeof(Half) => "Input should be a valid number",
            _ when type.IsEnum => "Input should be one of the allowed values",
            _ when type.IsPrimitive => "Input should be a valid integer",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "Input should be a valid datetime",
            _ when type == typeof(DateOnly) => "Input should be a valid date",
            _ when type == typeof(TimeOnly) || type == typeof(TimeSpan) => "Input should be a valid time",
            _ when type == typeof(Guid) => "Input should be a valid UUID",
            _ when typeof(IDictionary).IsAssignableFrom(type) || DictionaryValue(type) is not null => "Input should be a valid dictionary",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "Input should be a valid list",
            _ => "Input should be a valid dictionary or object",
        };
    }

    private static Type? TypeAt(Type? type, IReadOnlyList<object> path)
    {
        foreach (var segment in path)
        {
            if (type is null)
            {
                return null;
            }
            type = Nullable.GetUnderlyingType(type) ?? type;
            type = segment switch
            {
                int => type.IsArray ? type.GetElementType() : Enumerated(type),
                string when DictionaryValue(type) is { } value => value,
                string name => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => JsonName(p) == name)?.PropertyType,
                _ => null,
            };
        }
        return type;
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);

    private static Type? Enumerated(Type type) =>
        new[] { type }.Concat(type.GetInterfaces()).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValue(Type type) =>
        new[] { type }.Concat(type.GetInterfaces()).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))?.GetGenericArguments()[1];

    /// <summary>The type the serializer named, when the name says what the field is: a primitive, a collection, an enum, or the body itself.</summary>
    private static Type? Named(string name, bool atRoot)
    {
        if (NullableOf().Match(name) is { Success: true } inner)
        {
            name = inner.Groups[1].Value;
        }
        if (name.EndsWith("[]", StringComparison.Ordinal) || name.StartsWith("System.Collections.", StringComparison.Ordinal))
        {
            return name.Contains("Dictionary", StringComparison.Ordinal) ? typeof(IDictionary) : typeof(IEnumerable);
        }
        var type = Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
        return type is null ? null : type.Namespace == "System" || type.IsEnum || atRoot ? type : null;
    }

    [GeneratedRegex(@"could not be converted to (\S+?)\.?$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"\b(System|Microsoft|Clientele)\.[A-Z]|`\d|\btype '")]
    private static partial Regex DotNetName();
}
