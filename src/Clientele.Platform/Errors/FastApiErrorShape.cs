namespace Clientele.Platform.Errors;

/// <summary>FastAPI's shape: <c>{"detail": "..."}</c>, and 422 with a list of <c>{type, loc, msg}</c> for invalid input.</summary>
public sealed class FastApiErrorShape : ErrorShape
{
    public static readonly FastApiErrorShape Instance = new();

    public override int StatusOf(ErrorKind kind) => kind == ErrorKind.Validation ? 422 : DefaultStatus(kind);

    public override object BodyOf(ApiError error) => error.Kind switch
    {
        ErrorKind.Validation when error.Fields is { Count: > 0 } fields => new Dictionary<string, object?>
        {
            ["detail"] = fields.Select(f => new Dictionary<string, object?> { ["type"] = f.Type, ["loc"] = f.Location, ["msg"] = f.Message }).ToList(),
        },
        ErrorKind.Internal => new Dictionary<string, object?> { ["detail"] = error.Message ?? "Internal Server Error", ["request_id"] = error.RequestId },
        ErrorKind.TooManyRequests => new Dictionary<string, object?> { ["detail"] = error.Message ?? "Too Many Requests", ["retry_after"] = error.RetryAfterSeconds ?? 0 },
        _ => new Dictionary<string, object?> { ["detail"] = error.Message ?? DefaultMessage(error.Kind) },
    };

    private static string DefaultMessage(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "Not Found",
        ErrorKind.MethodNotAllowed => "Method Not Allowed",
        ErrorKind.Unauthorized => "Not authenticated",
        ErrorKind.Forbidden => "Not enough permissions",
        ErrorKind.PayloadTooLarge => "Request body too large",
        ErrorKind.UnsupportedMediaType => "Unsupported media type",
        ErrorKind.Conflict => "Conflict",
        _ => "Bad Request",
    };
}
