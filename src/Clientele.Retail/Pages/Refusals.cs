using System.Collections;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Http;

namespace Clientele.Retail.Pages;

/// <summary>The pages call the API's own handlers; this says in a line why one refused (FastAPI's <c>detail</c>).</summary>
public static class Refusals
{
    public static string Describe(IResult result) => result switch
    {
        IValueHttpResult { Value: Detail detail } => detail.Message,
        IValueHttpResult { Value: IDictionary<string, object?> body } when body.TryGetValue("detail", out var detail) => detail switch
        {
            string text => text,
            IEnumerable fields => string.Join("; ", fields.OfType<IDictionary<string, object?>>().Select(Field)),
            _ => "refused",
        },
        IStatusCodeHttpResult { StatusCode: { } status } => $"refused ({status})",
        _ => "refused",
    };

    private static string Field(IDictionary<string, object?> field) =>
        field.TryGetValue("loc", out var location) && location is IEnumerable<object> parts && parts.LastOrDefault() is { } name
            ? $"{name}: {field["msg"]}"
            : $"{field["msg"]}";
}

public static class Polling
{
    /// <summary>Calls <paramref name="tick"/> every half second until it says it is done or the token is cancelled.</summary>
    public static async Task EveryHalfSecondAsync(Func<Task<bool>> tick, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(0.5));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (await tick())
            {
                return;
            }
        }
    }
}
