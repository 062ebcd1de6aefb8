using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Platform.Errors;

/// <summary>How one module's seed spells its errors: the status it uses for each kind and the body.</summary>
public abstract class ErrorShape
{
    public abstract int StatusOf(ErrorKind kind);

    public abstract object BodyOf(ApiError error);

    public JsonHttpResult<object> Result(ApiError error) => TypedResults.Json(BodyOf(error), statusCode: StatusOf(error.Kind));

    public Task WriteAsync(HttpContext context, ApiError error)
    {
        context.Response.StatusCode = StatusOf(error.Kind);
        if (error.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return context.Response.WriteAsJsonAsync(BodyOf(error), context.RequestServices.GetJsonOptions());
    }

    protected static int DefaultStatus(ErrorKind kind) => kind switch
    {
        ErrorKind.BadRequest => 400,
        ErrorKind.Validation => 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.MethodNotAllowed => 405,
        ErrorKind.Conflict => 409,
        ErrorKind.PayloadTooLarge => 413,
        ErrorKind.UnsupportedMediaType => 415,
        ErrorKind.TooManyRequests => 429,
        _ => 500,
    };

    public static ErrorKind KindOf(int status) => status switch
    {
        401 => ErrorKind.Unauthorized,
        403 => ErrorKind.Forbidden,
        404 => ErrorKind.NotFound,
        405 => ErrorKind.MethodNotAllowed,
        409 => ErrorKind.Conflict,
        413 => ErrorKind.PayloadTooLarge,
        415 => ErrorKind.UnsupportedMediaType,
        422 => ErrorKind.Validation,
        429 => ErrorKind.TooManyRequests,
        >= 500 => ErrorKind.Internal,
        _ => ErrorKind.BadRequest,
    };
}
