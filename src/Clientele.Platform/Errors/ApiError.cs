namespace Clientele.Platform.Errors;

public enum ErrorKind
{
    BadRequest,
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    Internal,
}

/// <summary>One problem with one input: where it is (as FastAPI's <c>loc</c>) and what is wrong.</summary>
public sealed record FieldError(IReadOnlyList<object> Location, string Message, string Type = "value_error")
{
    public string Field => Location.Count == 0 ? "non_field_errors" : string.Join('.', Location.Skip(Location[0] is "body" or "query" or "path" or "file" && Location.Count > 1 ? 1 : 0));
}

/// <summary>An error before it is given a module's shape. A null message means the shape's own default wording.</summary>
public sealed record ApiError(ErrorKind Kind, string? Message = null, IReadOnlyList<FieldError>? Fields = null)
{
    public int? RetryAfterSeconds { get; init; }
    public string? RequestId { get; init; }

    public static ApiError NotFound(string? message = null) => new(ErrorKind.NotFound, message);
    public static ApiError BadRequest(string message) => new(ErrorKind.BadRequest, message);
    public static ApiError Invalid(params FieldError[] fields) => new(ErrorKind.Validation, null, fields);
    public static ApiError Invalid(IReadOnlyList<FieldError> fields) => new(ErrorKind.Validation, null, fields);
}
