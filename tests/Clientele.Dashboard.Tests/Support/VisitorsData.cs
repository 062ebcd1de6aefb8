using Clientele.Platform;
using Clientele.Visitors;
using Clientele.Visitors.Data;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Recognition;
using Clientele.Visitors.Visits;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>
/// The visitors module's own demo (the Almaty restaurant: 40 faces, four weeks of visits, orders) in the main organization, and one
/// person with one visit in the second organization, whom the main organization must never see.
/// </summary>
public static class VisitorsData
{
    public const string OtherPersonName = "Бауыржан Алтынов";

    public static async Task EnsureAsync(DashboardServer server)
    {
        var filled = await server.InOrganizationAsync(server.MainOrganizationId, async services =>
        {
            var demo = services.GetServices<IDemoData>().Single(d => d.Module == VisitorsModule.Name);
            if (!await demo.IsEmptyAsync(services, CancellationToken.None))
            {
                return false;
            }
            await demo.FillAsync(services, CancellationToken.None);
            return true;
        });
        if (filled)
        {
            await server.InOrganizationAsync(server.OtherOrganizationId, async services =>
            {
                var db = services.GetRequiredService<VisitorsDbContext>();
                var seen = DateTimeOffset.UtcNow.AddHours(-1);
                var person = new Person
                {
                    Id = Guid.CreateVersion7(), FullName = OtherPersonName, Age = 40, Gender = "Male", Status = PersonStatus.Provisional, ConfidentVisits = 1,
                    FirstSeen = seen, LastSeen = seen, CreatedAt = seen, UpdatedAt = seen,
                };
                db.Persons.Add(person);
                db.Visits.Add(new Visit { Id = Guid.CreateVersion7(), PersonId = person.Id, EntryTime = seen, ExitTime = seen.AddMinutes(30), Frames = 5, Age = 40, Gender = "Male" });
                return await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>Runs a query on the main organization's visitors data.</summary>
    public static Task<T> QueryAsync<T>(DashboardServer server, Func<VisitorsDbContext, Task<T>> query) =>
        server.InOrganizationAsync(server.MainOrganizationId, services => query(services.GetRequiredService<VisitorsDbContext>()));
}
