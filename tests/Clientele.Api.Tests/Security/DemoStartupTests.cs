using System.Net;
using System.Net.Http.Json;
using Clientele.Platform;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Security;

/// <summary>Outside Development there is no demo admin unless the operator turns demo data on, and never with the published password.</summary>
public sealed class DemoStartupTests
{
    [Fact]
    public async Task A_production_server_has_no_demo_login_and_says_how_to_create_the_first_admin()
    {
        var server = Production();
        try
        {
            await server.InitializeAsync();
            var client = server.CreateClient();

            var json = await client.PostAsJsonAsync("/platform/api/auth/login", new { email = DemoSettings.AdminEmail, password = DemoSettings.PublishedPassword });
            var form = await SecurityServer.HiddenFieldsAsync(client, "/login");
            form["Input.Email"] = DemoSettings.AdminEmail;
            form["Input.Password"] = DemoSettings.PublishedPassword;
            var dashboard = await client.PostAsync("/login", new FormUrlEncodedContent(form));

            Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
            Assert.Contains("Invalid email or password", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/platform/api/me")).StatusCode);
            var defaults = server.Services.GetRequiredService<DefaultOrganization>().Id;
            Assert.Equal("[]", await (await server.WithApiKey(await server.CreateApiKeyAsync(defaults, "banking:read"))
                .GetAsync("/banking/api/clients")).Content.ReadAsStringAsync());
            Assert.Contains(server.Logs.Lines, l => l.Contains("user add <email>", StringComparison.Ordinal) && l.Contains("--role admin", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_data_turned_on_in_production_with_the_published_password_stops_the_start_up()
    {
        var server = Production();
        server.Settings[DemoSettings.EnabledKey] = "true";
        try
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(server.InitializeAsync);

            var message = string.Join(" | ", Messages(refused));
            Assert.Contains(DemoSettings.PasswordKey, message, StringComparison.Ordinal);
            Assert.Contains("published default", message, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_data_turned_on_in_production_with_an_own_password_signs_in_with_that_password_only()
    {
        var server = Production();
        server.Settings[DemoSettings.EnabledKey] = "true";
        server.Settings[DemoSettings.PasswordKey] = "an operator's own demo password";
        try
        {
            await server.InitializeAsync();
            var client = server.CreateClient();

            var published = await client.PostAsJsonAsync("/platform/api/auth/login", new { email = DemoSettings.AdminEmail, password = DemoSettings.PublishedPassword });
            var own = await client.PostAsJsonAsync("/platform/api/auth/login", new { email = DemoSettings.AdminEmail, password = "an operator's own demo password" });

            Assert.Equal(HttpStatusCode.Unauthorized, published.StatusCode);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    /// <summary>A production server with demo data left at its default (the factory turns it off explicitly).</summary>
    private static ClienteleFactory Production()
    {
        var server = new ClienteleFactory(DatabaseKind.Sqlite) { Environment = "Production" };
        server.Settings.Remove(DemoSettings.EnabledKey);
        return server;
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }
}
