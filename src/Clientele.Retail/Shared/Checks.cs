using System.Globalization;
using System.Text;
using Clientele.Platform.Errors;

namespace Clientele.Retail.Shared;

/// <summary>
/// pydantic's checks and wording for one input (a JSON body, or a CSV row of an import): each failed check adds a
/// <see cref="FieldError"/> at <c>[source, field]</c>, and the checked value comes back cleaned (trimmed) for storing.
/// </summary>
public sealed class Checks(string source = "body")
{
    public List<FieldError> Problems { get; } = [];

    public bool Ok => Problems.Count == 0;

    public void Add(string field, string message, string type = "value_error") => Problems.Add(new FieldError([source, field], message, type));

    public string Text(string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(field, "String should have at least 1 character", "string_too_short");
        }
        else if (text.Length > max)
        {
            Add(field, $"String should have at most {max} characters", "string_too_long");
        }
        else if (!Storable(text))
        {
            Add(field, "String should be valid Unicode text without NUL characters", "string_unicode");
        }
        return text;
    }

    /// <summary>A query parameter compared with stored text: at most <paramref name="max"/> characters a database can take.</summary>
    public void Filter(string field, string? value, int max = 200)
    {
        if (value is { Length: > 0 } && value.Length > max)
        {
            Add(field, $"String should have at most {max} characters", "string_too_long");
        }
        else if (value is { Length: > 0 } && !Storable(value))
        {
            Add(field, "String should be valid Unicode text without NUL characters", "string_unicode");
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>PostgreSQL refuses NUL in text and Npgsql lone surrogates; both would otherwise be a 500.</summary>
    public static bool Storable(string text)
    {
        if (text.Contains('\0'))
        {
            return false;
        }
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    public string? OptionalText(string field, string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(field, value, max);

    public string OneOf(string field, string? value, IReadOnlyList<string> allowed)
    {
        var text = value?.Trim() ?? "";
        var match = allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var expected = allowed.Count == 1 ? $"'{allowed[0]}'" : string.Join(", ", allowed.SkipLast(1).Select(a => $"'{a}'")) + $" or '{allowed[^1]}'";
            Add(field, $"Input should be {expected}", "literal_error");
        }
        return match ?? text;
    }

    public void Range(string field, long value, long min, long max)
    {
        if (value < min)
        {
            Add(field, $"Input should be greater than or equal to {min}", "greater_than_equal");
        }
        else if (value > max)
        {
            Add(field, $"Input should be less than or equal to {max}", "less_than_equal");
        }
    }

    /// <summary>Tenge (or any currency) with at most two decimals, from 0 to <paramref name="max"/>.</summary>
    public void Money(string field, decimal value, decimal max)
    {
        if (value < 0)
        {
            Add(field, "Input should be greater than or equal to 0", "greater_than_equal");
        }
        else if (value > max)
        {
            Add(field, $"Input should be less than or equal to {max.ToString(CultureInfo.InvariantCulture)}", "less_than_equal");
        }
        else if (decimal.Round(value, 2) != value)
        {
            Add(field, "Decimal input should have no more than 2 decimal places", "decimal_max_places");
        }
    }

    public void Date(string field, DateOnly value, DateOnly min, DateOnly max)
    {
        if (value < min || value > max)
        {
            Add(field, $"Date should be between {min:yyyy-MM-dd} and {max:yyyy-MM-dd}", "value_error");
        }
    }
}
