using Clientele.Platform.Identity;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>
/// The real server on Kestrel (a browser needs a real port) over a fresh SQLite database: an operator (admin of the
/// default organization) and a viewer there, a second organization, and bank clients in both imported through the API.
/// </summary>
public sealed class DashboardServer : ClienteleFactory
{
    public const string OperatorEmail = "operator@clientele.test";
    public const string OperatorPassword = "operator-password-1";
    public const string ViewerEmail = "viewer@clientele.test";
    public const string ViewerPassword = "viewer-password-1";
    public const string OtherAdminEmail = "admin@altyn.test";
    public const string OtherAdminPassword = "altyn-password-1";

    public DashboardServer() : base(DatabaseKind.Sqlite)
    {
        // A revoked key must be refused, not let in as the anonymous development caller.
        Settings["Clientele:Auth:AnonymousInDevelopment"] = "false";
        Settings["Clientele:Events:Webhooks:AllowLoopback"] = "true";
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;
    public Guid MainOrganizationId { get; private set; }
    public Guid OtherOrganizationId { get; private set; }
    public string OtherOrganizationName { get; private set; } = "";

    public JobGate JobGate { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(JobGate);
            services.AddJobHandler<GatedJob>();
        });
    }

    /// <summary>Runs <paramref name="work"/> in a service scope acting for <paramref name="organizationId"/>.</summary>
    public async Task<T> InOrganizationAsync<T>(Guid organizationId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        return await work(scope.ServiceProvider);
    }

    public override async Task InitializeAsync()
    {
        try
        {
            await base.InitializeAsync();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException && e.Message.Contains("Kestrel", StringComparison.Ordinal))
        {
            // The base touches the in-memory TestServer, which a Kestrel-hosted factory does not have; the server is up.
        }
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        MainOrganizationId = Services.GetRequiredService<DefaultOrganization>().Id;
        await CreateUserAsync(MainOrganizationId, OperatorEmail, OperatorPassword, Role.Admin);
        await CreateUserAsync(MainOrganizationId, ViewerEmail, ViewerPassword, Role.Viewer);
        OtherOrganizationId = await CreateOrganizationAsync("altyn");
        OtherOrganizationName = "altyn";
        await CreateUserAsync(OtherOrganizationId, OtherAdminEmail, OtherAdminPassword, Role.Admin);

        await ImportAsync(MainOrganizationId, BankData.MainNames);
        await ImportAsync(OtherOrganizationId, BankData.OtherNames);
    }

    private async Task ImportAsync(Guid organizationId, string[] names)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/banking/api/import")
        {
            Content = BankData.Upload(("clients.csv", BankData.Clients(names)), ("client_1_transactions_3m.csv", BankData.FirstClientTransactions(names[0]))),
        };
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, await CreateApiKeyAsync(organizationId, "banking:write"));
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<HttpResponseMessage> GetWithKeyAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        return await Http.SendAsync(request);
    }
}
