using System.Text.Json.Serialization;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clientele.Leads.Shared;

/// <summary>The original is a FastAPI service: a refusal that is not about one field is <c>{"detail": "..."}</c>.</summary>
public sealed record Detail([property: JsonPropertyName("detail")] string Message);

public static class Refusals
{
    public static IResult NotFound(string what) => TypedResults.NotFound(new Detail($"{what} not found"));

    public static IResult BadRequest(string message) => TypedResults.BadRequest(new Detail(message));

    /// <summary>A status move its state machine forbids, with the moves it allows.</summary>
    public static IResult CannotMove(string what, string from, string to, IReadOnlyList<string> allowed) =>
        BadRequest($"{what} cannot move from '{from}' to '{to}'; " + (allowed.Count == 0 ? $"'{from}' is final" : $"allowed: {string.Join(", ", allowed)}"));

    /// <summary>A path id that is not a uuid: FastAPI's 422 for a <c>UUID</c> path parameter.</summary>
    public static IResult NotAnId(string field) => FastApiErrorShape.Instance.Result(
        ApiError.Invalid(new FieldError(["path", field], "Input should be a valid UUID", "uuid_parsing")));
}
