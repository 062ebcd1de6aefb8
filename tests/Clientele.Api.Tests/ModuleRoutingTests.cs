using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Clientele.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests;

/// <summary>A module's path base is configuration; "/" serves a seed's client unchanged.</summary>
public sealed class RootPathBaseServer : ClienteleFactory
{
    public RootPathBaseServer() : base(DatabaseKind.Sqlite) => Settings["Clientele:Modules:banking:PathBase"] = "/";
}

public sealed class ModuleRoutingTests(RootPathBaseServer server) : IClassFixture<RootPathBaseServer>
{
    [Fact]
    public async Task Banking_at_the_root_answers_the_seed_paths_unchanged()
    {
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)))).StatusCode);

        var list = await client.GetAsync("/api/clients");
        var missing = await client.GetAsync("/api/clients/77");

        Assert.Equal(2, (await list.ReadJsonAsync()).GetArrayLength());
        Assert.Equal("""{"detail":"Client not found"}""", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/banking/api/clients")).StatusCode);
    }

    [Fact]
    public void The_start_up_check_sees_the_real_endpoints_and_names_both_modules_of_a_conflict()
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        RouteOverlapGuard.ThrowIfModulesOverlap(endpoints);

        var banking = endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/api/clients/{client_code}");
        var intruder = new RouteEndpoint(_ => Task.CompletedTask, banking.RoutePattern, 0,
            new EndpointMetadataCollection(new HttpMethodMetadata(["GET"]), new ModuleDescriptor("leads", "Leads", "/", FastApiErrorShape.Instance, true)), "intruder");

        var error = Assert.Throws<InvalidOperationException>(() => RouteOverlapGuard.ThrowIfModulesOverlap([.. endpoints, intruder]));
        Assert.Contains("'banking'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'leads'", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/clients/{client_code}", error.Message, StringComparison.Ordinal);
    }
}

public sealed class CommandLineImportTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [SkippableFact]
    public async Task The_import_verb_loads_the_case_into_the_named_organization()
    {
        var folder = SharedData.Require("bank_case");
        var organization = await server.CreateOrganizationAsync("cli");
        var slug = await SlugAsync(organization);

        var exit = await Clientele.Platform.Cli.CommandLine.RunAsync(server.Services, ["import", "banking", folder, "--org", slug], TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        var client = server.WithApiKey(await server.CreateApiKeyAsync(organization, "banking:read"));
        var profile = await (await client.GetAsync("/banking/api/clients/1")).ReadJsonAsync();
        Assert.Equal(2626914.27m, profile.GetProperty("total_spending_3m").GetDecimal());
    }

    [Fact]
    public async Task An_unknown_verb_lists_the_commands()
    {
        using var output = new StringWriter();

        var exit = await Clientele.Platform.Cli.CommandLine.RunAsync(server.Services, ["frobnicate"], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("import banking", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("retail mine", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> SlugAsync(Guid organization)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Clientele.Platform.Data.PlatformDbContext>();
        return (await db.Organizations.FindAsync(organization))!.Slug;
    }
}
