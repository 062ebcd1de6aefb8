using System.Text.Json;
using Clientele.Platform.Errors;

namespace Clientele.Platform.Tests.Errors;

public sealed class FastApiErrorShapeTests
{
    private static readonly FastApiErrorShape Shape = FastApiErrorShape.Instance;

    [Theory]
    [InlineData(ErrorKind.BadRequest, 400)]
    [InlineData(ErrorKind.Validation, 422)]
    [InlineData(ErrorKind.Unauthorized, 401)]
    [InlineData(ErrorKind.Forbidden, 403)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.MethodNotAllowed, 405)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.PayloadTooLarge, 413)]
    [InlineData(ErrorKind.UnsupportedMediaType, 415)]
    [InlineData(ErrorKind.TooManyRequests, 429)]
    [InlineData(ErrorKind.Internal, 500)]
    public void Each_kind_has_fastapis_status(ErrorKind kind, int status)
    {
        Assert.Equal(status, Shape.StatusOf(kind));
    }

    [Fact]
    public void Every_kind_has_a_status()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            Assert.InRange(Shape.StatusOf(kind), 400, 599);
        }
    }

    [Fact]
    public void Not_found_without_a_message_is_detail_not_found()
    {
        var json = ErrorJson.Of(Shape.BodyOf(ApiError.NotFound()));

        Assert.Equal(["detail"], ErrorJson.Names(json));
        Assert.Equal("Not Found", json.GetProperty("detail").GetString());
    }

    [Fact]
    public void A_message_replaces_the_default_detail()
    {
        var json = ErrorJson.Of(Shape.BodyOf(ApiError.NotFound("Client not found")));

        Assert.Equal("""{"detail":"Client not found"}""", json.GetRawText());
    }

    [Theory]
    [InlineData(ErrorKind.Unauthorized, "Not authenticated")]
    [InlineData(ErrorKind.MethodNotAllowed, "Method Not Allowed")]
    [InlineData(ErrorKind.BadRequest, "Bad Request")]
    public void Bodiless_errors_get_fastapis_default_detail(ErrorKind kind, string detail)
    {
        var json = ErrorJson.Of(Shape.BodyOf(new ApiError(kind)));

        Assert.Equal(detail, json.GetProperty("detail").GetString());
    }

    [Fact]
    public void Validation_is_a_list_of_type_loc_msg()
    {
        var error = ApiError.Invalid(
            new FieldError(["body", "client_code"], "Field required", "missing"),
            new FieldError(["query", "items", 2], "Input should be a valid integer"));

        var detail = ErrorJson.Of(Shape.BodyOf(error)).GetProperty("detail");

        Assert.Equal(JsonValueKind.Array, detail.ValueKind);
        Assert.Equal(2, detail.GetArrayLength());
        var first = detail[0];
        Assert.Equal(["type", "loc", "msg"], ErrorJson.Names(first));
        Assert.Equal("missing", first.GetProperty("type").GetString());
        Assert.Equal("""["body","client_code"]""", first.GetProperty("loc").GetRawText());
        Assert.Equal("Field required", first.GetProperty("msg").GetString());
        Assert.Equal("value_error", detail[1].GetProperty("type").GetString());
        Assert.Equal("""["query","items",2]""", detail[1].GetProperty("loc").GetRawText());
    }

    [Fact]
    public void Internal_errors_carry_the_request_id_and_no_exception_text()
    {
        var json = ErrorJson.Of(Shape.BodyOf(new ApiError(ErrorKind.Internal) { RequestId = "req-42" }));

        Assert.Equal("Internal Server Error", json.GetProperty("detail").GetString());
        Assert.Equal("req-42", json.GetProperty("request_id").GetString());
    }

    [Fact]
    public void Too_many_requests_says_when_to_retry()
    {
        var json = ErrorJson.Of(Shape.BodyOf(new ApiError(ErrorKind.TooManyRequests) { RetryAfterSeconds = 17 }));

        Assert.Equal("Too Many Requests", json.GetProperty("detail").GetString());
        Assert.Equal(17, json.GetProperty("retry_after").GetInt32());
    }

    [Fact]
    public void The_result_carries_the_status_and_the_body()
    {
        var error = ApiError.NotFound();

        var result = Shape.Result(error);

        Assert.Equal(404, result.StatusCode);
        Assert.Equal("""{"detail":"Not Found"}""", ErrorJson.Of(result.Value!).GetRawText());
    }
}
