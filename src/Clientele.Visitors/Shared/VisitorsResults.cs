using System.Globalization;
using Clientele.Platform.Errors;
using Clientele.Visitors.Api;
using Microsoft.AspNetCore.Http;

namespace Clientele.Visitors.Shared;

public static class VisitorsResults
{
    public const string PersonNotFound = "Person не найден";

    public static IResult NotFound(string message = PersonNotFound) => VisitorsErrorShape.Instance.Result(ApiError.NotFound(message));

    public static IResult Invalid(IReadOnlyList<FieldError> fields) => VisitorsErrorShape.Instance.Result(ApiError.Invalid(fields));

    public static IResult Invalid(string field, string message) => Invalid([new FieldError(["body", field], message)]);

    public static IResult Error(ErrorKind kind, string? message = null) => VisitorsErrorShape.Instance.Result(new ApiError(kind, message));

    /// <summary>Instants as Django REST Framework writes them: UTC with <c>Z</c>, microseconds only when there are some.</summary>
    public static string? Iso(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A path id that is not a UUID is absent, as Django's <c>&lt;uuid:…&gt;</c> route answers.</summary>
    public static Guid? IdOf(string value) => Guid.TryParse(value, out var id) ? id : null;
}
