using Clientele.Platform.Errors;

namespace Clientele.Visitors.Api;

/// <summary>Nome.ai's errors: <c>{"error": "..."}</c>, and on 400 <c>{"error": "Invalid data provided", "details": {"field": ["message"]}}</c>.</summary>
public sealed class VisitorsErrorShape : ErrorShape
{
    public static readonly VisitorsErrorShape Instance = new();

    public override int StatusOf(ErrorKind kind) => DefaultStatus(kind);

    public override object BodyOf(ApiError error) => error.Kind switch
    {
        ErrorKind.Validation or ErrorKind.BadRequest => new Dictionary<string, object?>
        {
            ["error"] = "Invalid data provided",
            ["details"] = error.Fields is { Count: > 0 } fields
                ? fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToList())
                : new Dictionary<string, List<string>> { ["non_field_errors"] = [error.Message ?? "Bad request"] },
        },
        ErrorKind.Unauthorized => Error(error.Message ?? "Authentication credentials were not provided"),
        ErrorKind.Forbidden => Error(error.Message ?? "You do not have permission to perform this action"),
        ErrorKind.NotFound => Error(error.Message ?? "Not found"),
        ErrorKind.TooManyRequests => new Dictionary<string, object?> { ["error"] = "Request limit exceeded", ["retry_after"] = error.RetryAfterSeconds ?? 0 },
        ErrorKind.Internal => new Dictionary<string, object?> { ["error"] = "Internal server error occurred", ["request_id"] = error.RequestId },
        ErrorKind.MethodNotAllowed => Error(error.Message ?? "Method not allowed"),
        ErrorKind.PayloadTooLarge => Error(error.Message ?? "Request body too large"),
        ErrorKind.UnsupportedMediaType => Error(error.Message ?? "Unsupported media type"),
        _ => Error(error.Message ?? "Conflict"),
    };

    private static Dictionary<string, object?> Error(string message) => new() { ["error"] = message };
}
