using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>What a stranger on the network sees: no API documents outside Development unless asked, and no echo of the Host header.</summary>
public sealed class PublicSurfaceTests
{
    private const string Foreign = "http://evil.example";

    public sealed class InProduction(SqliteProductionServer server) : IClassFixture<SqliteProductionServer>
    {
        [Theory]
        [InlineData("/docs")]
        [InlineData("/docs/banking")]
        [InlineData("/openapi/banking.json")]
        [InlineData("/openapi/platform.json")]
        public async Task Docs_and_documents_are_off_by_default(string path)
        {
            var response = await server.CreateClient().GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    public sealed class InDevelopment(SqliteServer server) : IClassFixture<SqliteServer>
    {
        [Fact]
        public async Task The_openapi_document_does_not_repeat_the_host_it_was_asked_on()
        {
            var response = await server.CreateClient().GetAsync($"{Foreign}/openapi/banking.json");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_login_redirect_is_a_path_not_the_host_it_was_asked_on()
        {
            var client = server.CreateClient(new() { AllowAutoRedirect = false });

            var response = await client.GetAsync($"{Foreign}/jobs");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/login?returnUrl=%2Fjobs", response.Headers.Location?.OriginalString);
        }
    }

    public sealed class WithPublicUrl(PublicUrlServer server) : IClassFixture<PublicUrlServer>
    {
        [Fact]
        public async Task Docs_can_be_turned_on_outside_development()
        {
            var response = await server.CreateClient().GetAsync("/docs");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task The_openapi_document_names_the_public_url_as_its_server()
        {
            var document = await (await server.CreateClient().GetAsync("/openapi/banking.json")).ReadJsonAsync();

            var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
            Assert.Equal([PublicUrlServer.PublicUrl], servers);
        }

        [Fact]
        public async Task Redirects_point_to_the_public_url()
        {
            var client = server.CreateClient(new() { AllowAutoRedirect = false });

            var response = await client.GetAsync("/jobs");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"{PublicUrlServer.PublicUrl}/login?returnUrl=%2Fjobs", response.Headers.Location?.OriginalString);
        }

        [Fact]
        public async Task A_host_outside_the_allowed_hosts_is_refused()
        {
            var response = await server.CreateClient().GetAsync($"{Foreign}/health/live");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}

public sealed class PublicUrlServer : ClienteleFactory
{
    public const string PublicUrl = "https://clientele.example.kz";

    public PublicUrlServer() : base(DatabaseKind.Sqlite)
    {
        Environment = "Production";
        Settings["Clientele:Docs:Enabled"] = "true";
        Settings["Clientele:PublicUrl"] = PublicUrl + "/";
        Settings["AllowedHosts"] = "clientele.example.kz;localhost";
    }
}

public sealed class SqliteProductionServer() : ProductionServer(DatabaseKind.Sqlite);
