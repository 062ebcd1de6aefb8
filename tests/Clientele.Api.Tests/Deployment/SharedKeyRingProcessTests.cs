using System.Net;
using System.Text.RegularExpressions;
using Clientele.Api.Tests.RateLimits;
using Clientele.Testing;
using Npgsql;
using StackExchange.Redis;

namespace Clientele.Api.Tests.Deployment;

/// <summary>
/// Server processes that share nothing but the database and the key store, Redis or the database itself (each has its own
/// HOME, as separate machines would): a session cookie and an antiforgery token made by one instance work on another and
/// after a restart.
/// </summary>
[Collection(Jobs.ServerProcessCollection.Name)]
public sealed partial class SharedKeyRingProcessTests : IDisposable
{
    private const string Email = "keys@example.kz";
    private const string Password = "a-long-password";
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clientele-keys-").FullName;

    [Fact]
    public async Task With_redis_a_session_and_an_antiforgery_token_work_on_a_second_instance_and_after_a_restart()
    {
        var redis = Environment.GetEnvironmentVariable(RedisHealthTests.RedisVariable);
        Assert.False(string.IsNullOrEmpty(redis), $"{RedisHealthTests.RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");
        var keyRing = $"clientele-test:keys:{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Redis"] = redis!, ["Clientele__DataProtection__RedisKey"] = keyRing };

        var session = await SessionAcrossInstancesAndRestartAsync(environment);

        var otherRing = new Dictionary<string, string>(environment) { ["Clientele__DataProtection__RedisKey"] = keyRing + ":other" };
        await using (var stranger = await StartAsync(otherRing, "stranger"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoopbackClients.GetWithCookieAsync(LoopbackClients.Http(stranger.Port), "/platform/api/me", session));
        }
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis!);
        var stored = await connection.GetDatabase().ListRangeAsync(keyRing);
        Assert.NotEmpty(stored);
        Assert.All(stored, key => Assert.StartsWith("<key id=", key.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_redis_the_database_holds_the_key_ring_for_every_instance()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var environment = new Dictionary<string, string>
        {
            ["Clientele__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Clientele"] = database.ConnectionString,
        };

        await SessionAcrossInstancesAndRestartAsync(environment);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("""SELECT "Xml" FROM platform_data_protection_keys""", connection);
        var stored = new List<string>();
        await using (var reader = await keys.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }
        Assert.NotEmpty(stored);
        Assert.All(stored, key => Assert.StartsWith("<key id=", key, StringComparison.Ordinal));
    }

    /// <summary>
    /// Logs in on one instance and uses the session on a second; takes an antiforgery token from the first's login form and
    /// posts the form to the second (a forged token is refused there); then restarts and uses the first session again.
    /// </summary>
    private async Task<string> SessionAcrossInstancesAndRestartAsync(Dictionary<string, string> environment)
    {
        await ServerProcess.RunVerbAsync(_workingDirectory, $"user add {Email} {Password} --role admin", environment);
        string session;
        await using (var first = await StartAsync(environment, "first"))
        await using (var second = await StartAsync(environment, "second"))
        {
            session = await LoopbackClients.LoginAsync(LoopbackClients.Http(first.Port), Email, Password);
            Assert.Equal(HttpStatusCode.OK, await LoopbackClients.GetWithCookieAsync(LoopbackClients.Http(second.Port), "/platform/api/me", session));

            var (token, antiforgeryCookie) = await LoginFormAsync(first.Port);
            var forged = await PostLoginFormAsync(second.Port, "not-a-token", antiforgeryCookie);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            var signedIn = await PostLoginFormAsync(second.Port, token, antiforgeryCookie);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"the form post was refused: {(int)signedIn.StatusCode}");
            var formSession = LoopbackClients.CookiesOf(signedIn);
            Assert.Equal(HttpStatusCode.OK, await LoopbackClients.GetWithCookieAsync(LoopbackClients.Http(first.Port), "/platform/api/me", formSession));
        }

        await using (var restarted = await StartAsync(environment, "restarted"))
        {
            Assert.Equal(HttpStatusCode.OK, await LoopbackClients.GetWithCookieAsync(LoopbackClients.Http(restarted.Port), "/platform/api/me", session));
        }
        return session;
    }

    /// <summary>Each instance gets a HOME of its own: ASP.NET Core's default key folder is under it, so nothing is shared by accident.</summary>
    private Task<ServerProcess> StartAsync(Dictionary<string, string> environment, string name)
    {
        var home = Directory.CreateDirectory(Path.Combine(_workingDirectory, "home-" + name)).FullName;
        return ServerProcess.StartAsync(_workingDirectory, new Dictionary<string, string>(environment) { ["HOME"] = home });
    }

    private static async Task<(string Token, string Cookie)> LoginFormAsync(int port)
    {
        using var page = await LoopbackClients.Http(port).GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = TokenField().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "the login page has no antiforgery field");
        var cookie = LoopbackClients.CookiesOf(page);
        Assert.Contains(".AspNetCore.Antiforgery.", cookie, StringComparison.Ordinal);
        return (WebUtility.HtmlDecode(token.Groups[1].Value), cookie);
    }

    private static async Task<HttpResponseMessage> PostLoginFormAsync(int port, string token, string antiforgeryCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = Email,
                ["Input.Password"] = Password,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return await LoopbackClients.Http(port).SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
