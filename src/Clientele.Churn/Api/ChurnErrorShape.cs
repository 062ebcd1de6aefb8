using Clientele.Platform.Errors;

namespace Clientele.Churn.Api;

/// <summary>The churn seed's errors: <c>{"error": "..."}</c>, with <c>detail</c> (and per-field <c>fields</c>) on 400, <c>retry_after</c> on 429 and <c>request_id</c> on 500.</summary>
public sealed class ChurnErrorShape : ErrorShape
{
    public static readonly ChurnErrorShape Instance = new();

    public override int StatusOf(ErrorKind kind) => DefaultStatus(kind);

    public override object BodyOf(ApiError error) => error.Kind switch
    {
        ErrorKind.Validation or ErrorKind.BadRequest when error.Fields is { Count: > 0 } fields => new Dictionary<string, object?>
        {
            ["error"] = "Invalid input",
            ["detail"] = string.Join("; ", fields.Select(f => $"{f.Field}: {f.Message}")),
            // Additive, as Django REST Framework spells field errors, for clients that show them next to the field.
            ["fields"] = fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToList()),
        },
        ErrorKind.Validation or ErrorKind.BadRequest => new Dictionary<string, object?> { ["error"] = "Bad request", ["detail"] = error.Message ?? "Bad request" },
        ErrorKind.Unauthorized => Error(error.Message ?? "Authentication credentials were not provided"),
        ErrorKind.Forbidden => Error(error.Message ?? "You do not have permission to perform this action"),
        ErrorKind.NotFound => Error(error.Message ?? "Resource not found"),
        ErrorKind.TooManyRequests => new Dictionary<string, object?> { ["error"] = "Request limit exceeded", ["retry_after"] = error.RetryAfterSeconds ?? 0 },
        ErrorKind.Internal => new Dictionary<string, object?> { ["error"] = "Internal server error", ["request_id"] = error.RequestId },
        ErrorKind.MethodNotAllowed => Error(error.Message ?? "Method not allowed"),
        ErrorKind.PayloadTooLarge => Error(error.Message ?? "Request body too large"),
        ErrorKind.UnsupportedMediaType => Error(error.Message ?? "Unsupported media type"),
        _ => Error(error.Message ?? "Conflict"),
    };

    private static Dictionary<string, object?> Error(string message) => new() { ["error"] = message };
}
