using System.Net.Mime;
using System.Reflection;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a creating POST: the key is reserved, the handler runs and its answer is stored in one database
/// transaction, so the row made and the key commit together (a crash leaves neither) and two instances agree. The same key
/// again within <see cref="LeadsOptions.IdempotencyHours"/> answers the stored status and body without running the handler;
/// with another request it is 409. Refusals (4xx) are not stored: the key stays free for the corrected request.
/// </summary>
public static class IdempotentCreates
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const string Json = MediaTypeNames.Application.Json + "; charset=utf-8";

    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) => builder.AddEndpointFilterFactory((factory, next) =>
    {
        var isService = factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var requestData = factory.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => IsRequestData(p.parameter, isService))
            .Select(p => p.index).ToArray();
        return context => InvokeAsync(context, next, requestData);
    });

    private static bool IsRequestData(ParameterInfo parameter, IServiceProviderIsService isService) =>
        parameter.ParameterType != typeof(CancellationToken) && !typeof(HttpContext).IsAssignableFrom(parameter.ParameterType)
        && !typeof(HttpRequest).IsAssignableFrom(parameter.ParameterType) && !typeof(ClaimsPrincipal).IsAssignableFrom(parameter.ParameterType)
        && !isService.IsService(parameter.ParameterType);

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, int[] requestData)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }
        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > IdempotencyKey.MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            return FastApiErrorShape.Instance.Result(ApiError.Invalid(new FieldError(["header", Header],
                $"Idempotency-Key must be 1–{IdempotencyKey.MaxLength} printable ASCII characters without spaces", "value_error")));
        }
        var services = http.RequestServices;
        var db = services.GetRequiredService<LeadsDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var since = now.AddHours(-services.GetRequiredService<IOptionsMonitor<LeadsOptions>>().CurrentValue.IdempotencyHours);
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var fingerprint = Fingerprint(http, requestData.Select(i => context.Arguments[i]), json);
        var cancellationToken = http.RequestAborted;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.IdempotencyKeys.Where(k => k.CreatedAt < since).ExecuteDeleteAsync(cancellationToken);
            if (await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == key, cancellationToken) is { } earlier)
            {
                return Answer(http, earlier, fingerprint);
            }
            var reserved = new IdempotencyKey { Key = key, Fingerprint = fingerprint, CreatedAt = now };
            db.IdempotencyKeys.Add(reserved);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same key in a request that committed first (PostgreSQL waits for it, then refuses this insert).
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == key, cancellationToken) is { } winner
                    ? Answer(http, winner, fingerprint)
                    : TypedResults.Conflict(new Detail($"A request with Idempotency-Key '{key}' is in progress; retry it"));
            }
            var result = await next(context);
            if (result is not (IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } and IValueHttpResult))
            {
                return result;
            }
            var (status, value) = (((IStatusCodeHttpResult)result).StatusCode!.Value, ((IValueHttpResult)result).Value);
            (reserved.StatusCode, reserved.Body) = (status, value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), json));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Text(reserved.Body, Json, statusCode: status);
        }
    }

    private static IResult Answer(HttpContext http, IdempotencyKey earlier, string fingerprint)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            return TypedResults.Conflict(new Detail($"Idempotency-Key '{earlier.Key}' was already used with a different request"));
        }
        http.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Text(earlier.Body, Json, statusCode: earlier.StatusCode);
    }

    private static string Fingerprint(HttpContext http, IEnumerable<object?> requestData, JsonSerializerOptions json)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var text = $"{http.Request.Method} {route}\n" + string.Join("\n", requestData.Select(value => value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), json)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
