using System.Net;
using System.Text.Json;
using Clientele.Api.Tests.RateLimits;
using Clientele.Api.Tests.Support;

namespace Clientele.Api.Tests.Observability;

/// <summary>A production process writes one JSON object per log line whose scopes carry the request id and the caller's organization; it lets a local scraper read /metrics.</summary>
public sealed class JsonLogProcessTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clientele-logs-").FullName;

    [Fact]
    public async Task Log_lines_of_an_api_key_request_are_json_with_request_id_and_organization()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
        await using var server = await ServerProcess.StartAsync(_workingDirectory, environment);
        var verb = await ServerProcess.RunVerbAsync(_workingDirectory, "apikey add logs --scopes *:read", environment);
        var key = verb.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ck_", StringComparison.Ordinal));
        var requestId = $"log-test-{Guid.NewGuid():N}";
        server.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        server.Http.DefaultRequestHeaders.Add("X-Request-Id", requestId);
        var me = await (await server.Http.GetAsync("/platform/api/me")).ReadJsonAsync();
        var organization = me.GetProperty("organization").GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/banking/api/clients")).StatusCode);

        JsonElement? line = null;
        for (var i = 0; i < 100 && line is null; i++)
        {
            line = JsonLines(server.Output).Cast<JsonElement?>().FirstOrDefault(l => Scopes(l!.Value, "RequestId").Contains(requestId)
                && l.Value.GetProperty("Message").GetString()!.Contains("banking_clients", StringComparison.Ordinal));
            await Task.Delay(100);
        }
        Assert.True(line is not null, "no JSON log line of the banking query in:\n" + server.Output);
        Assert.Equal([organization], Scopes(line.Value, "OrganizationId"));
        Assert.Equal("Information", line.Value.GetProperty("LogLevel").GetString());
        Assert.EndsWith("Z", line.Value.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_scraper_reads_metrics_without_a_token_but_not_through_a_proxy()
    {
        await using var server = await ServerProcess.StartAsync(_workingDirectory, new Dictionary<string, string>());
        await server.Http.GetAsync("/banking/api/clients");

        var local = await server.Http.GetAsync("/metrics");
        using var relayed = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        var proxied = await server.Http.SendAsync(relayed);

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        var text = await local.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", text, StringComparison.Ordinal);
        Assert.Contains("service_name=\"clientele\"", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, proxied.StatusCode);
    }

    private static IEnumerable<JsonElement> JsonLines(string output)
    {
        foreach (var text in output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')))
        {
            JsonElement parsed;
            try
            {
                parsed = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                continue;
            }
            yield return parsed;
        }
    }

    /// <summary>Every value a line's scopes give <paramref name="name"/> (ASP.NET Core's hosting scope has a RequestId of its own, the connection's).</summary>
    private static List<string?> Scopes(JsonElement line, string name) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _)).Select(s => s.GetProperty(name).GetString()).ToList()
            : [];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
