using System.Collections;
using System.Security.Claims;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Persons;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Visitors.Pages;

/// <summary>What a merge or split from the person page came to: the person it left (kept or created), or the API's error in words.</summary>
public sealed record RepairOutcome(Guid? PersonId, string? Error);

/// <summary>Merge and split run the API's own handlers (<see cref="MergeEndpoints"/>), so the page repairs exactly as the API does.</summary>
public static class PersonRepairs
{
    public static async Task<RepairOutcome> MergeAsync(IServiceProvider services, ClaimsPrincipal user, Guid kept, Guid absorbed) =>
        Outcome(await MergeEndpoints.MergeAsync(new MergeEndpoints.MergeRequest(kept.ToString(), absorbed.ToString()), services.GetRequiredService<VisitorsDbContext>(),
            services.GetRequiredService<Galleries>(), services.GetRequiredService<Images>(), user, CancellationToken.None));

    public static async Task<RepairOutcome> SplitAsync(IServiceProvider services, ClaimsPrincipal user, Guid person, Guid visit) =>
        Outcome(await MergeEndpoints.SplitAsync(person.ToString(), new MergeEndpoints.SplitRequest(visit.ToString()), services.GetRequiredService<VisitorsDbContext>(),
            services.GetRequiredService<Galleries>(), user, CancellationToken.None));

    private static RepairOutcome Outcome(IResult result) => result switch
    {
        IValueHttpResult<PersonView> { Value: { } person } => new(person.Id, null),
        IValueHttpResult<object> { Value: IDictionary<string, object?> body } => new(null, Message(body)),
        IStatusCodeHttpResult { StatusCode: { } status } => new(null, $"The repair was refused ({status})."),
        _ => new(null, "The repair was refused."),
    };

    /// <summary>The error shape's field messages when it has some (they say what is wrong), else its error.</summary>
    private static string Message(IDictionary<string, object?> body)
    {
        if (body.TryGetValue("details", out var details) && details is IDictionary fields)
        {
            var messages = fields.Values.OfType<IEnumerable<string>>().SelectMany(list => list).ToList();
            if (messages.Count > 0)
            {
                return string.Join(" ", messages);
            }
        }
        return body.TryGetValue("error", out var error) ? error?.ToString() ?? "The repair was refused." : "The repair was refused.";
    }
}
