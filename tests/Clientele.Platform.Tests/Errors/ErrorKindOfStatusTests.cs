using Clientele.Platform.Errors;

namespace Clientele.Platform.Tests.Errors;

public sealed class ErrorKindOfStatusTests
{
    [Theory]
    [InlineData(400, ErrorKind.BadRequest)]
    [InlineData(401, ErrorKind.Unauthorized)]
    [InlineData(403, ErrorKind.Forbidden)]
    [InlineData(404, ErrorKind.NotFound)]
    [InlineData(405, ErrorKind.MethodNotAllowed)]
    [InlineData(409, ErrorKind.Conflict)]
    [InlineData(413, ErrorKind.PayloadTooLarge)]
    [InlineData(415, ErrorKind.UnsupportedMediaType)]
    [InlineData(422, ErrorKind.Validation)]
    [InlineData(429, ErrorKind.TooManyRequests)]
    [InlineData(500, ErrorKind.Internal)]
    [InlineData(503, ErrorKind.Internal)]
    [InlineData(418, ErrorKind.BadRequest)]
    public void A_bodiless_status_is_given_its_kind(int status, ErrorKind kind)
    {
        Assert.Equal(kind, ErrorShape.KindOf(status));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(409)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(429)]
    [InlineData(500)]
    public void The_fastapi_shape_answers_a_bodiless_status_with_the_same_status(int status)
    {
        Assert.Equal(status, FastApiErrorShape.Instance.StatusOf(ErrorShape.KindOf(status)));
    }

    public static TheoryData<object[], string> Locations => new()
    {
        { ["body", "client_code"], "client_code" },
        { ["query", "limit"], "limit" },
        { ["body", "items", 0, "code"], "items.0.code" },
        { ["body"], "body" },
        { [], "non_field_errors" },
    };

    [Theory]
    [MemberData(nameof(Locations))]
    public void A_field_error_names_its_field_without_the_source(object[] location, string field)
    {
        Assert.Equal(field, new FieldError(location, "wrong").Field);
    }
}
