using System.Text.Json;
using System.Text.RegularExpressions;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Errors;

/// <summary>
/// Gives every failure the shape of the module it belongs to: exceptions (500 with a request id, never a stack trace),
/// unreadable bodies, and bodiless error statuses such as an unknown route or a refused login.
/// </summary>
public static partial class ErrorResponses
{
    public static IApplicationBuilder UseModuleErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var catalog = context.RequestServices.GetRequiredService<ModuleCatalog>();
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            var routeParameters = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var bodyType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var error = FromException(exception, routeParameters, bodyType);
            if (error.Kind == ErrorKind.Internal)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clientele.Errors");
                LogUnhandled(logger, context.TraceIdentifier, context.Request.Method, context.Request.Path, exception);
                error = error with { RequestId = context.TraceIdentifier };
            }
            context.Response.Clear();
            context.Response.Headers[RequestIds.Header] = context.TraceIdentifier;
            await catalog.ErrorsFor(context).WriteAsync(context, error);
            return;
        }
        catch (Exception exception)
        {
            // Headers and part of the body are gone: the only honest signal left is a broken connection. Ending the
            // response normally would let an HTTP/1.0 client or proxy (nginx's default upstream protocol) take the
            // truncated body for the whole file.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clientele.Errors");
                LogAbortedResponse(logger, context.TraceIdentifier, context.Request.Method, context.Request.Path, exception);
            }
            context.Abort();
            return;
        }
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted
            && context.Response.ContentLength is null && string.IsNullOrEmpty(context.Response.ContentType))
        {
            var kind = ErrorShape.KindOf(context.Response.StatusCode);
            await catalog.ErrorsFor(context).WriteAsync(context, new ApiError(kind) { RequestId = context.TraceIdentifier });
        }
    });

    [LoggerMessage(LogLevel.Error, "Response to request {RequestId} {Method} {Path} failed after it started; the connection was aborted")]
    private static partial void LogAbortedResponse(ILogger logger, string requestId, string method, string path, Exception exception);

    [LoggerMessage(LogLevel.Error, "Unhandled exception for request {RequestId} {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string requestId, string method, string path, Exception exception);

    internal static ApiError FromException(Exception exception, IReadOnlyCollection<string>? routeParameters = null, Type? bodyType = null) => exception switch
    {
        BadHttpRequestException { StatusCode: 413 } => new ApiError(ErrorKind.PayloadTooLarge),
        BadHttpRequestException { StatusCode: 415 } => new ApiError(ErrorKind.UnsupportedMediaType),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json, bodyType),
        BadHttpRequestException bad => FromBinding(bad, routeParameters),
        _ => new ApiError(ErrorKind.Internal),
    };

    private static ApiError FromJson(JsonException json, Type? bodyType)
    {
        var missing = MissingProperties().Match(json.Message);
        if (missing.Success)
        {
            var names = QuotedNames().Matches(missing.Groups[1].Value).Select(m => m.Groups[1].Value);
            return ApiError.Invalid(names.Select(n => new FieldError(["body", n], "Field required", "missing")).ToList());
        }
        var location = new List<object> { "body" };
        location.AddRange(PathSegments(json.Path));
        var message = json.Message.Split(" Path:", 2)[0];
        var wrongType = message.Contains("could not be converted", StringComparison.Ordinal) || message.Contains("null", StringComparison.OrdinalIgnoreCase);
        if (json.Path is null or "$" && json.LineNumber is not null && !message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return ApiError.Invalid(new FieldError(location, $"JSON decode error at line {json.LineNumber + 1}, position {json.BytePositionInLine}", "json_invalid"));
        }
        return wrongType
            ? ApiError.Invalid(new FieldError(location, JsonTypeErrors.Message(message, bodyType, location.Skip(1).ToList()), "type_error"))
            : ApiError.Invalid(new FieldError(location, JsonTypeErrors.Plain(message, "Invalid JSON"), "json_invalid"));
    }

    private static ApiError FromBinding(BadHttpRequestException bad, IReadOnlyCollection<string>? routeParameters)
    {
        var parameter = ParameterName().Match(bad.Message);
        if (bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) || bad.Message.EndsWith("from body.", StringComparison.Ordinal))
        {
            return ApiError.Invalid(new FieldError(["body"], "Field required", "missing"));
        }
        if (parameter.Success)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Groups[1].Value);
            var source = bad.Message.EndsWith("from header.", StringComparison.Ordinal) ? "header"
                : bad.Message.EndsWith("from route.", StringComparison.Ordinal) ? "path"
                : routeParameters is null ? (bad.Message.StartsWith("Failed to bind", StringComparison.Ordinal) ? "path" : "query")
                : routeParameters.Any(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r) == name) ? "path" : "query";
            var missing = bad.Message.StartsWith("Required parameter", StringComparison.Ordinal);
            return ApiError.Invalid(new FieldError([source, name], missing ? "Field required" : "Input is not valid for this field", missing ? "missing" : "type_error"));
        }
        return new ApiError(ErrorKind.BadRequest, JsonTypeErrors.Plain(bad.Message, "There was an error parsing the body"));
    }

    private static IEnumerable<object> PathSegments(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            yield break;
        }
        foreach (Match segment in JsonPathSegment().Matches(path))
        {
            yield return segment.Groups["index"].Success ? int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : segment.Groups["name"].Value;
        }
    }

    [GeneratedRegex(@"missing required properties including: (.+)")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedNames();

    [GeneratedRegex(@"parameter ""\S+ (\w+)""")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"\.(?<name>\w+)|\[(?<index>\d+)\]|\['(?<name>[^']+)'\]")]
    private static partial Regex JsonPathSegment();
}
