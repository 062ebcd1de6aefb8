using System.Globalization;
using System.Text;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clientele.Leads.Shared;

/// <summary>pydantic's checks and wording: each failed check adds a <see cref="FieldError"/> at <c>[source, field]</c>; values come back trimmed.</summary>
public sealed class Checks(string source = "body")
{
    public const decimal MaxMoney = 1_000_000_000_000m;

    public List<FieldError> Problems { get; } = [];

    public bool Ok => Problems.Count == 0;

    public IResult Invalid() => FastApiErrorShape.Instance.Result(ApiError.Invalid(Problems));

    public void Add(string field, string message, string type = "value_error") => Problems.Add(new FieldError([source, field], message, type));

    public string Text(string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (value is null)
        {
            Add(field, "Field required", "missing");
        }
        else if (text.Length == 0)
        {
            Add(field, "String should have at least 1 character", "string_too_short");
        }
        else
        {
            Bounded(field, text, max);
        }
        return text;
    }

    public string? OptionalText(string field, string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Bounded(field, value.Trim(), max);

    private string Bounded(string field, string text, int max)
    {
        if (text.Length > max)
        {
            Add(field, $"String should have at most {max} characters", "string_too_long");
        }
        else if (!Storable(text))
        {
            Add(field, "String should be valid Unicode text without NUL characters", "string_unicode");
        }
        return text;
    }

    public string OneOf(string field, string? value, IReadOnlyList<string> allowed)
    {
        var text = value?.Trim() ?? "";
        var match = allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Add(field, value is null ? "Field required" : $"Input should be {Expected(allowed)}", value is null ? "missing" : "enum");
        }
        return match ?? text;
    }

    public static string Expected(IReadOnlyList<string> allowed) =>
        allowed.Count == 1 ? $"'{allowed[0]}'" : string.Join(", ", allowed.SkipLast(1).Select(a => $"'{a}'")) + $" or '{allowed[^1]}'";

    public void Money(string field, decimal? value)
    {
        if (value is not { } amount)
        {
            return;
        }
        if (amount < 0)
        {
            Add(field, "Input should be greater than or equal to 0", "greater_than_equal");
        }
        else if (amount > MaxMoney)
        {
            Add(field, $"Input should be less than or equal to {MaxMoney.ToString(CultureInfo.InvariantCulture)}", "less_than_equal");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            Add(field, "Decimal input should have no more than 2 decimal places", "decimal_max_places");
        }
    }

    public void Filter(string field, string? value, int max = 200)
    {
        if (value is { Length: > 0 })
        {
            Bounded(field, value, max);
        }
    }

    public void Limit(int? limit, int max = Paging.MaxLimit)
    {
        if (limit is < 1 || limit > max)
        {
            Add("limit", $"Input should be between 1 and {max}", "value_error");
        }
    }

    /// <summary>A uuid from the path or a body field; anything else is pydantic's uuid_parsing.</summary>
    public Guid? Uuid(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }
        Add(field, "Input should be a valid UUID", "uuid_parsing");
        return null;
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
}
