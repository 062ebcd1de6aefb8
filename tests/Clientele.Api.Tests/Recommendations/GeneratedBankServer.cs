using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>A server whose tests import <see cref="GeneratedBank"/> data into organizations of their own; no shared data needed.</summary>
public class GeneratedBankServer : ClienteleFactory
{
    public GeneratedBankServer(DatabaseKind kind) : base(kind) => Settings["Clientele:Jobs:PollSeconds"] = "0.1";

    /// <summary>A new organization with <paramref name="files"/> imported, and a client with a <c>banking:write</c> key of it.</summary>
    public async Task<(HttpClient Client, Guid OrganizationId, string Key)> ImportedAsync(string slug, (string Name, string Text)[] files)
    {
        var organization = await CreateOrganizationAsync(slug);
        var key = await CreateApiKeyAsync(organization, "banking:write");
        var client = WithApiKey(key);
        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(files));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (client, organization, key);
    }

    /// <summary>A second server process-alike on the same database, as after a restart: nothing in memory is shared.</summary>
    public RestartedServer Restart() => new(
        Services.GetRequiredService<IConfiguration>()["Clientele:Database:Provider"]!,
        Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Clientele"]!);
}

public sealed class RestartedServer(string provider, string connectionString) : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Clientele:Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Clientele", connectionString);
        builder.UseSetting("Clientele:Demo:Enabled", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public HttpClient WithApiKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
