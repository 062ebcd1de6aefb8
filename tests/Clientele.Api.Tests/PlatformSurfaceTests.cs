using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>Health, API documents and the docs page.</summary>
public class PlatformSurfaceTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task Live_and_ready_are_healthy_with_every_database_checked()
    {
        var live = await server.CreateClient().GetAsync("/health/live");
        var ready = await server.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.ReadJsonAsync()).GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("database-platform").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("database-banking").GetProperty("status").GetString());
    }

    [DatabaseTheory]
    [InlineData("banking", "/banking/api/clients/{client_code}")]
    [InlineData("banking", "/banking/api/import")]
    [InlineData("platform", "/platform/api/keys")]
    public async Task Each_module_has_its_openapi_document(string module, string path)
    {
        var response = await server.CreateClient().GetAsync($"/openapi/{module}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{path} is missing from the {module} document");
    }

    [DatabaseFact]
    public async Task The_banking_document_holds_only_banking_paths()
    {
        var document = await (await server.CreateClient().GetAsync("/openapi/banking.json")).ReadJsonAsync();

        Assert.All(document.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith("/banking/", p.Name, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Docs_are_browsable()
    {
        var response = await server.CreateClient().GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
