using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Clientele.Platform.Observability;
using Clientele.Testing;

namespace Clientele.Api.Tests.Observability;

/// <summary>A request makes a server span carrying its request id and organization, and each EF Core command a client span in the same trace.</summary>
public class TracingTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task A_request_has_a_server_span_and_database_spans_in_one_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or ClienteleTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var (client, organization) = await server.ClientForNewOrganizationAsync("traced", "banking:read");
        var requestId = $"trace-test-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add("X-Request-Id", requestId);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/banking/api/clients")).StatusCode);

        Activity? request = null;
        for (var i = 0; i < 100 && request is null; i++)
        {
            request = stopped.FirstOrDefault(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem(ObservabilityRegistration.RequestIdTag), requestId));
            await Task.Delay(50);
        }
        Assert.NotNull(request);
        Assert.Equal(organization.ToString(), request.GetTagItem(OrganizationLogScope.TagName));
        var database = stopped.Where(a => a.Source.Name == ClienteleTelemetry.Name && a.TraceId == request.TraceId).ToList();
        Assert.Contains(database, a => a.Kind == ActivityKind.Client && a.OperationName == "SELECT"
            && Equals(a.GetTagItem("db.system.name"), server.Kind == DatabaseKind.Sqlite ? "sqlite" : "postgresql")
            && (a.GetTagItem("db.query.text") as string)!.Contains("banking_clients", StringComparison.Ordinal)
            && Equals(a.GetTagItem("db.ef.context"), "BankingDbContext"));
    }
}
