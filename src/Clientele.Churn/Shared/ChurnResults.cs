using Clientele.Churn.Api;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clientele.Churn.Shared;

/// <summary>The seed's error bodies, for handlers that answer them themselves.</summary>
public static class ChurnResults
{
    public static IResult NotFound(string message = "Resource not found") => ChurnErrorShape.Instance.Result(ApiError.NotFound(message));

    public static IResult Invalid(IReadOnlyList<FieldError> fields) => ChurnErrorShape.Instance.Result(ApiError.Invalid(fields));

    public static IResult Invalid(string field, string message) => Invalid([new FieldError(["body", field], message)]);

    public static IResult BadRequest(string message) => ChurnErrorShape.Instance.Result(ApiError.BadRequest(message));

    public static IResult Unauthorized(string message) => ChurnErrorShape.Instance.Result(new ApiError(ErrorKind.Unauthorized, message));

    public static IResult Forbidden() => ChurnErrorShape.Instance.Result(new ApiError(ErrorKind.Forbidden));

    public static IResult Conflict(string message) => ChurnErrorShape.Instance.Result(new ApiError(ErrorKind.Conflict, message));
}
