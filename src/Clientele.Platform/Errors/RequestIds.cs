using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Errors;

/// <summary>
/// Every request gets an id (the caller's <c>X-Request-Id</c> when it is safe to log), echoed back and put in the log scope with the
/// client's address (the real client behind trusted proxies). <c>Clientele.Requests.Access</c> at Information logs one line per request.
/// </summary>
public static partial class RequestIds
{
    public const string Header = "X-Request-Id";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app)
    {
        // Made once: the factory takes a lock per CreateLogger.
        var loggers = app.ApplicationServices.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger("Clientele.Requests");
        var access = loggers.CreateLogger(AccessCategory);
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header].ToString();
            context.TraceIdentifier = SafeId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
            context.Response.Headers[Header] = context.TraceIdentifier;
            var client = ClientAddress(context.Connection.RemoteIpAddress);
            using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier, ["ClientAddress"] = client }))
            {
                var started = access.IsEnabled(LogLevel.Information) ? Stopwatch.GetTimestamp() : 0;
                await next(context);
                if (started != 0)
                {
                    LogAccess(access, client, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode,
                        Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
                }
            }
        });
    }

    public const string AccessCategory = "Clientele.Requests.Access";

    public static string ClientAddress(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientAddress} {Method} {Path} {StatusCode} {ElapsedMs} ms")]
    private static partial void LogAccess(ILogger logger, string clientAddress, string method, string path, int statusCode, double elapsedMs);

    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex SafeId();
}
