using System.Net;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Platform.Events;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Events;

/// <summary>The outbox row is written by the import's own transaction: none for a refused import, one for a stored one, then dispatched.</summary>
public class OutboxAtomicityTests(DatabaseServers<EventsServer> servers) : IClassFixture<DatabaseServers<EventsServer>>
{
    private readonly EventsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_refused_import_writes_no_event_and_a_stored_one_exactly_one()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("atomic", "banking:write");
        var badTransactions = CaseUpload.ClientOneTransactions + "1,Айгерим,зп,Алматы,2025-08-04 13:00:00,Кино,-5,KZT\n";

        var refused = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("client_1_transactions_3m.csv", badTransactions)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Empty(await OutboxAsync(organization));

        Assert.Equal(HttpStatusCode.OK, (await WebhookDeliveryTests.ImportAsync(client)).StatusCode);

        var message = Assert.Single(await OutboxAsync(organization));
        Assert.Equal("banking.import.completed", message.Type);
        var payload = JsonDocument.Parse(message.Payload).RootElement;
        Assert.Equal(2, payload.GetProperty("clients").GetInt32());
        Assert.Equal(3, payload.GetProperty("transactions").GetInt32());
        Assert.Equal(0, payload.GetProperty("transfers").GetInt32());
        var dispatched = await Eventually.WaitAsync(() => OutboxAsync(organization), m => m.Single().DispatchedAt is not null, "the dispatcher to mark the event");
        Assert.Null(dispatched.Single().LastError);
    }

    private async Task<List<OutboxMessage>> OutboxAsync(Guid organization)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        return await db.Outbox.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrganizationId == organization).ToListAsync();
    }
}
