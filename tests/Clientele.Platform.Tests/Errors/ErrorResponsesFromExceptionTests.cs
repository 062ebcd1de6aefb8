using System.Text.Json;
using System.Text.Json.Serialization;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Clientele.Platform.Tests.Errors;

public sealed class ErrorResponsesFromExceptionTests
{
    private sealed record Probe
    {
        public required string Email { get; init; }
        public required string Password { get; init; }

        [JsonPropertyName("client_code")]
        public int ClientCode { get; init; }
    }

    private static BadHttpRequestException UnreadableBody(JsonException json) =>
        new("Failed to read parameter \"Probe probe\" from the request body as JSON.", json);

    [Fact]
    public void A_json_error_at_a_property_is_a_validation_error_located_in_the_body()
    {
        var json = new JsonException("The JSON value could not be converted to System.Int32.", "$.client_code", 0, 20);

        var error = ErrorResponses.FromException(UnreadableBody(json));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        var field = Assert.Single(error.Fields!);
        Assert.Equal<object>(["body", "client_code"], field.Location);
        Assert.Equal("Input should be a valid integer", field.Message);
        Assert.Equal("type_error", field.Type);
    }

    [Fact]
    public void A_real_serializer_type_error_is_located_at_its_property_without_the_path_suffix()
    {
        var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Probe>("""{"Email":"a","Password":"b","client_code":"abc"}"""));

        var field = Assert.Single(ErrorResponses.FromException(UnreadableBody(json)).Fields!);

        Assert.Equal<object>(["body", "client_code"], field.Location);
        Assert.DoesNotContain("Path:", field.Message, StringComparison.Ordinal);
        Assert.Equal("Input should be a valid integer", field.Message);
    }

    // What System.Text.Json says, and what a client reads instead: never a .NET type name.
    [Theory]
    [InlineData("The JSON value could not be converted to System.Int64.", "Input should be a valid integer")]
    [InlineData("The JSON value could not be converted to System.Nullable`1[System.Int32].", "Input should be a valid integer")]
    [InlineData("The JSON value could not be converted to System.Decimal.", "Input should be a valid number")]
    [InlineData("The JSON value could not be converted to System.Double.", "Input should be a valid number")]
    [InlineData("The JSON value could not be converted to System.Boolean.", "Input should be a valid boolean")]
    [InlineData("The JSON value could not be converted to System.String.", "Input should be a valid string")]
    [InlineData("The JSON value could not be converted to System.DateTimeOffset.", "Input should be a valid datetime")]
    [InlineData("The JSON value could not be converted to System.DateOnly.", "Input should be a valid date")]
    [InlineData("The JSON value could not be converted to System.Guid.", "Input should be a valid UUID")]
    [InlineData("The JSON value could not be converted to System.Collections.Generic.IReadOnlyList`1[System.String].", "Input should be a valid list")]
    [InlineData("The JSON value could not be converted to System.String[].", "Input should be a valid list")]
    [InlineData("The JSON value could not be converted to System.Collections.Generic.Dictionary`2[System.String,System.Int32].", "Input should be a valid dictionary")]
    [InlineData("The JSON value could not be converted to Clientele.Platform.Api.AuthEndpoints+LoginRequest.", "Input is not valid for this field")]
    [InlineData("The JSON value could not be converted to Clientele.Platform.Errors.ErrorKind.", "Input should be one of the allowed values")]
    [InlineData("The property or field 'Email' on type 'Clientele.Platform.Api.AuthEndpoints+LoginRequest' doesn't allow setting null values. Consider updating its nullability annotation.", "Input should not be null")]
    [InlineData("The constructor parameter 'ClientCode' on type 'Clientele.Banking.Recommendations.RecommendationEndpoints+RecommendationRequest' doesn't allow null values. Consider updating its nullability annotation.", "Input should not be null")]
    public void Type_errors_are_worded_without_dotnet_types(string serializerMessage, string message)
    {
        var json = new JsonException(serializerMessage, "$.field", 0, 10);

        var field = Assert.Single(ErrorResponses.FromException(UnreadableBody(json)).Fields!);

        Assert.Equal(message, field.Message);
        Assert.Equal("type_error", field.Type);
    }

    private sealed record Body(int ClientCode, IReadOnlyList<string> Tags, Dictionary<string, decimal>? Limits, Body.Inner Window)
    {
        public sealed record Inner(DateTimeOffset From, bool? Open);

        [JsonPropertyName("kind")]
        public ErrorKind Named { get; init; }
    }

    // A record's constructor parameter is reported as the record, not as the field: the body type and the path find the field.
    [Theory]
    [InlineData("$.client_code", "Input should be a valid integer")]
    [InlineData("$.tags", "Input should be a valid list")]
    [InlineData("$.tags[3]", "Input should be a valid string")]
    [InlineData("$.limits", "Input should be a valid dictionary")]
    [InlineData("$.limits.monthly", "Input should be a valid number")]
    [InlineData("$.window", "Input should be a valid dictionary or object")]
    [InlineData("$.window.from", "Input should be a valid datetime")]
    [InlineData("$.window.open", "Input should be a valid boolean")]
    [InlineData("$.kind", "Input should be one of the allowed values")]
    [InlineData("$.nothing_like_it", "Input is not valid for this field")]
    public void The_field_type_comes_from_the_body_type_and_the_path(string path, string message)
    {
        var json = new JsonException($"The JSON value could not be converted to {typeof(Body).FullName}.", path, 0, 10);

        var field = Assert.Single(ErrorResponses.FromException(UnreadableBody(json), bodyType: typeof(Body)).Fields!);

        Assert.Equal(message, field.Message);
    }

    [Fact]
    public void A_real_record_type_error_is_worded_by_its_field()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>("""{"client_code":"abc"}""", options));

        var field = Assert.Single(ErrorResponses.FromException(UnreadableBody(json), bodyType: typeof(Body)).Fields!);

        Assert.Equal<object>(["body", "client_code"], field.Location);
        Assert.Equal("Input should be a valid integer", field.Message);
    }

    [Fact]
    public void A_bad_request_naming_a_dotnet_type_is_worded_plainly()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException("Unable to bind Clientele.Banking.Thing from System.IO.Stream."));

        Assert.Equal(ErrorKind.BadRequest, error.Kind);
        Assert.Equal("There was an error parsing the body", error.Message);
    }

    [Fact]
    public void Array_indexes_in_the_json_path_become_integer_locations()
    {
        var json = new JsonException("The JSON value could not be converted to System.Int32.", "$.items[2].code", 0, 40);

        var field = Assert.Single(ErrorResponses.FromException(UnreadableBody(json)).Fields!);

        Assert.Equal<object>(["body", "items", 2, "code"], field.Location);
    }

    [Fact]
    public void Missing_required_properties_become_one_missing_field_each()
    {
        var json = new JsonException("JSON deserialization for type 'X' was missing required properties including: 'email', 'password'.");

        var error = ErrorResponses.FromException(UnreadableBody(json));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Collection(error.Fields!,
            f =>
            {
                Assert.Equal<object>(["body", "email"], f.Location);
                Assert.Equal("missing", f.Type);
                Assert.Equal("Field required", f.Message);
            },
            f =>
            {
                Assert.Equal<object>(["body", "password"], f.Location);
                Assert.Equal("missing", f.Type);
            });
    }

    [Fact]
    public void The_serializers_own_missing_properties_message_is_understood()
    {
        var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Probe>("""{"client_code":1}"""));

        var error = ErrorResponses.FromException(UnreadableBody(json));

        Assert.Equal(["body.Email", "body.Password"], error.Fields!.Select(f => string.Join('.', f.Location)));
        Assert.All(error.Fields!, f => Assert.Equal("missing", f.Type));
    }

    [Fact]
    public void Malformed_json_at_the_root_is_a_json_decode_error()
    {
        var json = new JsonException("'x' is an invalid start of a value.", "$", 0, 0);

        var field = Assert.Single(ErrorResponses.FromException(UnreadableBody(json)).Fields!);

        Assert.Equal<object>(["body"], field.Location);
        Assert.Equal("json_invalid", field.Type);
        Assert.Equal("JSON decode error at line 1, position 0", field.Message);
    }

    [Fact]
    public void A_body_over_the_limit_is_payload_too_large()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException("Request body is larger than 1048576 bytes.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(ErrorKind.PayloadTooLarge, error.Kind);
        Assert.Equal(413, FastApiErrorShape.Instance.StatusOf(error.Kind));
    }

    [Fact]
    public void A_body_that_is_not_json_is_unsupported_media_type()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException("Expected a supported JSON media type but got \"text/plain\".", StatusCodes.Status415UnsupportedMediaType));

        Assert.Equal(ErrorKind.UnsupportedMediaType, error.Kind);
    }

    [Fact]
    public void A_route_value_that_does_not_parse_is_located_in_the_path_in_snake_case()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException("Failed to bind parameter \"int clientCode\" from \"abc\"."));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        var field = Assert.Single(error.Fields!);
        Assert.Equal<object>(["path", "client_code"], field.Location);
        Assert.Equal("type_error", field.Type);
    }

    [Fact]
    public void A_missing_query_parameter_is_a_missing_field_in_the_query()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException("Required parameter \"int pageSize\" was not provided from query string."));

        var field = Assert.Single(error.Fields!);
        Assert.Equal<object>(["query", "page_size"], field.Location);
        Assert.Equal("missing", field.Type);
        Assert.Equal("Field required", field.Message);
    }

    [Fact]
    public void A_missing_implicit_body_is_a_missing_body()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException(
            "Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?"));

        var field = Assert.Single(error.Fields!);
        Assert.Equal<object>(["body"], field.Location);
        Assert.Equal("missing", field.Type);
    }

    [Fact]
    public void A_missing_explicit_body_is_a_missing_body_too()
    {
        // ASP.NET Core's wording for an empty body bound with [FromBody] (checked against .NET 10's RequestDelegateFactory).
        var error = ErrorResponses.FromException(new BadHttpRequestException("Required parameter \"Probe probe\" was not provided from body."));

        var field = Assert.Single(error.Fields!);
        Assert.Equal<object>(["body"], field.Location);
        Assert.Equal("missing", field.Type);
    }

    [Fact]
    public void Another_bad_request_keeps_its_message()
    {
        var error = ErrorResponses.FromException(new BadHttpRequestException("Unexpected end of request content."));

        Assert.Equal(ErrorKind.BadRequest, error.Kind);
        Assert.Equal("Unexpected end of request content.", error.Message);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(JsonException))]
    public void Any_other_exception_is_internal_and_its_message_is_not_shown(Type type)
    {
        var exception = (Exception)Activator.CreateInstance(type, "secret connection string in here")!;

        var error = ErrorResponses.FromException(exception);

        Assert.Equal(ErrorKind.Internal, error.Kind);
        Assert.Null(error.Message);
        Assert.Null(error.Fields);
    }
}
