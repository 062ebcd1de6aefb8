using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Api.Tests.Churn.ChurnAuth;

namespace Clientele.Api.Tests.Churn;

/// <summary>Seed 002's JWT login, refresh with rotation and reuse detection, logout, churn's roles and API keys.</summary>
public sealed class ChurnAuthTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private const string NoCredentials = "Authentication credentials were not provided";
    private const string InvalidCredentials = "No active account found with the given credentials";
    private const string NoPermission = "You do not have permission to perform this action";

    private readonly ChurnServer server = servers.Current;

    [DatabaseFact]
    public async Task Login_with_json_or_form_gives_an_access_and_a_refresh_jwt_of_the_user()
    {
        var user = await NewUserAsync(server, Role.Analyst);
        var form = await server.CreateClient().PostAsync(LoginPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user.Email, ["password"] = user.Password }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formBody = await form.ReadJsonAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        foreach (var (access, refresh) in new[] { (user.Access, user.Refresh), (formBody.GetProperty("access").GetString()!, formBody.GetProperty("refresh").GetString()!) })
        {
            var accessPayload = Payload(access);
            var refreshPayload = Payload(refresh);
            Assert.Equal("access", accessPayload.GetProperty("token_type").GetString());
            Assert.Equal("refresh", refreshPayload.GetProperty("token_type").GetString());
            Assert.Equal(user.UserId.ToString(), accessPayload.GetProperty("user_id").GetString());
            Assert.Equal(user.UserId.ToString(), refreshPayload.GetProperty("user_id").GetString());
            // 15 minutes and a day, give or take the time the test took.
            Assert.InRange(accessPayload.GetProperty("exp").GetInt64() - before, 15 * 60 - 120, 15 * 60 + 5);
            Assert.InRange(refreshPayload.GetProperty("exp").GetInt64() - before, 24 * 3600 - 120, 24 * 3600 + 5);
            Assert.NotEqual(accessPayload.GetProperty("jti").GetString(), refreshPayload.GetProperty("jti").GetString());
        }
        Assert.NotEqual(user.Refresh, formBody.GetProperty("refresh").GetString());
        Assert.Equal(HttpStatusCode.OK, (await server.WithBearer(formBody.GetProperty("access").GetString()!).GetAsync(ChurnRows.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(ChurnRows.Path)).StatusCode);
    }

    [DatabaseFact]
    public async Task Username_is_the_email_in_any_case()
    {
        var user = await NewUserAsync(server, Role.Viewer);

        var (access, _) = await LoginAsync(server.CreateClient(), user.Email.ToUpperInvariant(), user.Password);

        Assert.Equal(user.UserId.ToString(), Payload(access).GetProperty("user_id").GetString());
    }

    [DatabaseFact]
    public async Task A_wrong_password_and_an_unknown_user_are_401_with_the_same_message()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var client = server.CreateClient();

        await AssertOnlyErrorAsync(await client.PostAsJsonAsync(LoginPath, new { username = user.Email, password = "wrong horse battery" }),
            HttpStatusCode.Unauthorized, InvalidCredentials);
        await AssertOnlyErrorAsync(await client.PostAsJsonAsync(LoginPath, new { username = $"nobody-{Guid.NewGuid():N}@churn.kz", password = Password }),
            HttpStatusCode.Unauthorized, InvalidCredentials);
        await AssertOnlyErrorAsync(await client.PostAsync(LoginPath,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user.Email, ["password"] = "nope" })),
            HttpStatusCode.Unauthorized, InvalidCredentials);
    }

    [DatabaseFact]
    public async Task A_disabled_user_cannot_log_in()
    {
        var user = await NewUserAsync(server, Role.Admin);
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(user.OrganizationId);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var row = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == user.UserId);
            row.DisabledAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        await AssertOnlyErrorAsync(await server.CreateClient().PostAsJsonAsync(LoginPath, new { username = user.Email, password = user.Password }),
            HttpStatusCode.Unauthorized, InvalidCredentials);
        await AssertErrorAsync(await RefreshAsync(server.CreateClient(), user.Refresh), HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string, string> MissingFields => new()
    {
        { "application/json", "{}", "username" },
        { "application/json", "{\"username\": \"a@b.kz\"}", "password" },
        { "application/json", "{\"password\": \"x\"}", "username" },
        { "application/json", "{\"username\": \"\", \"password\": \"x\"}", "username" },
        { "application/x-www-form-urlencoded", "username=a%40b.kz", "password" },
        { "application/x-www-form-urlencoded", "", "username" },
    };

    [DatabaseTheory]
    [MemberData(nameof(MissingFields))]
    public async Task Missing_fields_are_400_with_error_and_detail_naming_the_field(string contentType, string body, string field)
    {
        var response = await server.CreateClient().PostAsync(LoginPath, new StringContent(body, Encoding.UTF8, contentType));

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "Invalid input");
        AssertRequired(error, field);
    }

    [DatabaseFact]
    public async Task An_empty_or_malformed_login_body_is_400_in_the_churn_shape()
    {
        var client = server.CreateClient();
        foreach (var body in new[] { "", "{\"username\": ", "[]", "null", "\"text\"" })
        {
            var error = await AssertErrorAsync(await client.PostAsync(LoginPath, new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
            Assert.True(error.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 0, body);
        }
    }

    [DatabaseFact]
    public async Task Without_a_token_customers_are_401_with_the_seed_message()
    {
        var client = server.CreateClient();

        await AssertOnlyErrorAsync(await client.GetAsync(ChurnRows.Path), HttpStatusCode.Unauthorized, NoCredentials);
        await AssertOnlyErrorAsync(await client.PostAsJsonAsync(ChurnRows.Path, ChurnRows.Customer("Анон", "anon@churn.kz")), HttpStatusCode.Unauthorized, NoCredentials);
        await AssertOnlyErrorAsync(await client.GetAsync($"{ChurnRows.Path}1/"), HttpStatusCode.Unauthorized, NoCredentials);
    }

    [DatabaseFact]
    public async Task Garbage_and_tampered_tokens_are_401()
    {
        var user = await NewUserAsync(server, Role.Analyst);
        var other = await NewUserAsync(server, Role.Admin);
        var parts = user.Access.Split('.');
        var signature = parts[2].ToCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        var header = System.Text.Encoding.UTF8.GetString(Base64Url(parts[0]));
        var none = $"{ToBase64Url(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"))}.{parts[1]}.";
        var tokens = new[]
        {
            "garbage",
            "a.b.c",
            $"{parts[0]}.{parts[1]}.{new string(signature)}",
            $"{parts[0]}.{parts[1]}.",
            none,
            // Escalation and another organization, with the original signature.
            WithPayload(user.Access, p => p.Replace("\"churn_pii\":\"false\"", "\"churn_pii\":\"true\"")),
            WithPayload(user.Access, p => p.Replace(user.OrganizationId.ToString(), other.OrganizationId.ToString())),
            WithPayload(user.Access, p => p.Replace("\"exp\":", "\"exp\":9")),
            // The header naming another organization's key.
            $"{ToBase64Url(Encoding.UTF8.GetBytes(header.Replace(user.OrganizationId.ToString(), other.OrganizationId.ToString())))}.{parts[1]}.{parts[2]}",
            // Another organization's genuine token's signature on this payload.
            $"{parts[0]}.{parts[1]}.{other.Access.Split('.')[2]}",
            new string('x', 10_000),
        };
        Assert.Contains(user.OrganizationId.ToString(), header);
        Assert.Contains("\"churn_pii\":\"false\"", Encoding.UTF8.GetString(Base64Url(parts[1])));

        foreach (var token in tokens)
        {
            var response = await server.WithBearer(token).GetAsync(ChurnRows.Path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{token[..Math.Min(token.Length, 80)]}: {(int)response.StatusCode}");
            await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
        }
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(ChurnRows.Path)).StatusCode);
    }

    [DatabaseFact]
    public async Task Refresh_gives_a_new_working_pair()
    {
        var user = await NewUserAsync(server, Role.Admin);

        var response = await RefreshAsync(server.CreateClient(), user.Refresh);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var access = body.GetProperty("access").GetString()!;
        var refresh = body.GetProperty("refresh").GetString()!;
        Assert.NotEqual(user.Access, access);
        Assert.NotEqual(user.Refresh, refresh);
        Assert.Equal("access", Payload(access).GetProperty("token_type").GetString());
        Assert.Equal("refresh", Payload(refresh).GetProperty("token_type").GetString());
        Assert.Equal(user.UserId.ToString(), Payload(access).GetProperty("user_id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await server.WithBearer(access).GetAsync(ChurnRows.Path)).StatusCode);
        var form = await server.CreateClient().PostAsync(RefreshPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["refresh"] = refresh }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("refresh", Payload((await form.ReadJsonAsync()).GetProperty("refresh").GetString()!).GetProperty("token_type").GetString());
    }

    [DatabaseFact]
    public async Task A_reused_refresh_token_is_401_and_revokes_its_whole_family_but_not_other_logins()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var (_, otherLogin) = await LoginAsync(server.CreateClient(), user.Email, user.Password);
        var client = server.CreateClient();
        var first = await RefreshAsync(client, user.Refresh);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var next = (await first.ReadJsonAsync()).GetProperty("refresh").GetString()!;

        await AssertOnlyErrorAsync(await RefreshAsync(client, user.Refresh), HttpStatusCode.Unauthorized, "Token is invalid or expired");
        await AssertOnlyErrorAsync(await RefreshAsync(client, next), HttpStatusCode.Unauthorized, "Token is invalid or expired");
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, otherLogin)).StatusCode);
    }

    [DatabaseFact]
    public async Task A_refresh_token_is_not_an_access_token_and_an_access_token_is_not_a_refresh_token()
    {
        var user = await NewUserAsync(server, Role.Admin);

        await AssertErrorAsync(await server.WithBearer(user.Refresh).GetAsync(ChurnRows.Path), HttpStatusCode.Unauthorized);
        await AssertErrorAsync(await RefreshAsync(server.CreateClient(), user.Access), HttpStatusCode.Unauthorized, "Token is invalid or expired");
        await AssertErrorAsync(await RefreshAsync(server.CreateClient(), "garbage"), HttpStatusCode.Unauthorized, "Token is invalid or expired");
        AssertRequired(await AssertErrorAsync(await server.CreateClient().PostAsJsonAsync(RefreshPath, new { }), HttpStatusCode.BadRequest), "refresh");
        // The refresh token was never used, so it still refreshes.
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(server.CreateClient(), user.Refresh)).StatusCode);
    }

    [DatabaseFact]
    public async Task A_churn_access_token_opens_churn_only()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var paths = new[] { "/banking/api/clients", "/retail/api/customers/", "/platform/api/keys" };

        foreach (var path in paths)
        {
            var response = await user.Client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }
        var post = await user.Client.PostAsJsonAsync("/retail/api/customers/", new { first_name = "X" });
        Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"retail POST: {(int)post.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync(ChurnRows.Path)).StatusCode);
    }

    [DatabaseFact]
    public async Task Logout_revokes_the_family_of_the_token_only()
    {
        var user = await NewUserAsync(server, Role.Analyst);
        var (_, otherLogin) = await LoginAsync(server.CreateClient(), user.Email, user.Password);
        var client = server.CreateClient();
        var rotated = (await (await RefreshAsync(client, user.Refresh)).ReadJsonAsync()).GetProperty("refresh").GetString()!;

        var logout = await client.PostAsJsonAsync(LogoutPath, new { refresh = rotated });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await AssertErrorAsync(await RefreshAsync(client, rotated), HttpStatusCode.Unauthorized, "Token is invalid or expired");
        await AssertErrorAsync(await RefreshAsync(client, user.Refresh), HttpStatusCode.Unauthorized, "Token is invalid or expired");
        await AssertErrorAsync(await client.PostAsJsonAsync(LogoutPath, new { refresh = rotated }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, otherLogin)).StatusCode);
    }

    [DatabaseFact]
    public async Task A_viewer_lists_but_may_not_write()
    {
        var admin = await NewUserAsync(server, Role.Admin);
        var id = await ChurnRows.CreateIdAsync(admin.Client, ChurnRows.Customer("Болат Серіков", "bolat@mail.kz"));
        var viewer = await NewUserAsync(server, Role.Viewer, admin.OrganizationId);
        var before = await ChurnRows.ListAsync(admin.Client);

        var list = await ChurnRows.PageAsync(viewer.Client, "");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        Assert.Equal("b***@mail.kz", list.GetProperty("results")[0].GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync($"{ChurnRows.Path}{id}/")).StatusCode);
        await AssertOnlyErrorAsync(await viewer.Client.PostAsJsonAsync(ChurnRows.Path, ChurnRows.Customer("Новый", "new@mail.kz")), HttpStatusCode.Forbidden, NoPermission);
        await AssertOnlyErrorAsync(await viewer.Client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", ChurnRows.Customer("Новый", "new@mail.kz")), HttpStatusCode.Forbidden, NoPermission);
        await AssertOnlyErrorAsync(await viewer.Client.DeleteAsync($"{ChurnRows.Path}{id}/"), HttpStatusCode.Forbidden, NoPermission);
        Assert.Equal(before, await ChurnRows.ListAsync(admin.Client));
        Assert.Equal("false", Payload(viewer.Access).GetProperty("churn_pii").GetString());
    }

    [DatabaseFact]
    public async Task An_analyst_writes_but_sees_email_and_phone_masked_and_an_admin_sees_them()
    {
        var analyst = await NewUserAsync(server, Role.Analyst);
        var admin = await NewUserAsync(server, Role.Admin, analyst.OrganizationId);

        var created = await ChurnRows.CreateAsync(analyst.Client, ChurnRows.Customer("Айгерим Ахметова", "aigerim@mail.kz", "+7 701 555 12 34"));
        var id = created.GetProperty("id").GetInt32();

        Assert.Equal("a***@mail.kz", created.GetProperty("email").GetString());
        Assert.Equal("+* *** *** ** 34", created.GetProperty("phone").GetString());
        var analystView = await (await analyst.Client.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync();
        Assert.Equal("a***@mail.kz", analystView.GetProperty("email").GetString());
        Assert.Equal("a***@mail.kz", (await ChurnRows.PageAsync(analyst.Client, "")).GetProperty("results")[0].GetProperty("email").GetString());
        var adminView = await (await admin.Client.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync();
        Assert.Equal("aigerim@mail.kz", adminView.GetProperty("email").GetString());
        Assert.Equal("+7 701 555 12 34", adminView.GetProperty("phone").GetString());
        var adminList = await ChurnRows.PageAsync(admin.Client, "");
        Assert.Equal("aigerim@mail.kz", adminList.GetProperty("results")[0].GetProperty("email").GetString());
        Assert.Equal("+7 701 555 12 34", adminList.GetProperty("results")[0].GetProperty("phone").GetString());
        // The mask is a view: the analyst's own update keeps the real e-mail it sends.
        var update = await analyst.Client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", ChurnRows.Customer("Айгерим Ахметова", "aigerim@mail.kz", "+7 701 555 12 35"));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("+7 701 555 12 35", (await (await admin.Client.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync()).GetProperty("phone").GetString());
    }

    [DatabaseFact]
    public async Task A_churn_write_key_works_with_x_api_key_and_a_read_key_only_reads_masked()
    {
        var (writer, organization) = await server.ClientForNewOrganizationAsync("churn-key", "churn:write");
        var reader = server.WithApiKey(await server.CreateApiKeyAsync(organization, "churn:read"));
        var bankingOnly = server.WithApiKey(await server.CreateApiKeyAsync(organization, "banking:write"));

        var created = await ChurnRows.CreateAsync(writer, ChurnRows.Customer("Данияр Ким", "daniyar@mail.kz", "+7 777 123 45 67"));
        var id = created.GetProperty("id").GetInt32();

        Assert.Equal("daniyar@mail.kz", created.GetProperty("email").GetString());
        Assert.Equal("Данияр Ким", (await ChurnRows.PageAsync(writer, "")).GetProperty("results")[0].GetProperty("name").GetString());
        var read = await (await reader.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync();
        Assert.Equal("d***@mail.kz", read.GetProperty("email").GetString());
        Assert.Equal("+* *** *** ** 67", read.GetProperty("phone").GetString());
        await AssertOnlyErrorAsync(await reader.PostAsJsonAsync(ChurnRows.Path, ChurnRows.Customer("Ещё", "more@mail.kz")), HttpStatusCode.Forbidden, NoPermission);
        var foreignScope = await bankingOnly.GetAsync(ChurnRows.Path);
        Assert.True(foreignScope.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{(int)foreignScope.StatusCode}");
        await AssertErrorAsync(foreignScope, foreignScope.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"{ChurnRows.Path}{id}/")).StatusCode);
    }
}

/// <summary>The seed's login limit, 10 a minute per IP, on a server of its own so no other test is refused.</summary>
public sealed class ChurnLoginThrottleTests(DatabaseServers<ChurnThrottledServer> servers) : IClassFixture<DatabaseServers<ChurnThrottledServer>>
{
    private readonly ChurnThrottledServer server = servers.Current;

    [DatabaseFact]
    public async Task The_eleventh_login_attempt_in_a_minute_is_429_with_retry_after_even_with_the_right_password()
    {
        var organization = await server.CreateOrganizationAsync("churn-throttle");
        var email = $"throttle-{Guid.NewGuid():N}@churn.kz";
        await server.CreateUserAsync(organization, email, Password, Role.Admin);
        var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(LoginPath, new { username = email, password = Password })).StatusCode);
        for (var i = 2; i <= 10; i++)
        {
            var attempt = await client.PostAsJsonAsync(LoginPath, new { username = email, password = $"guess {i}" });
            Assert.True(attempt.StatusCode == HttpStatusCode.Unauthorized, $"attempt {i}: {(int)attempt.StatusCode}");
        }

        var refused = await client.PostAsJsonAsync(LoginPath, new { username = email, password = Password });

        var body = await AssertErrorAsync(refused, HttpStatusCode.TooManyRequests, "Request limit exceeded");
        Assert.Equal(["error", "retry_after"], body.EnumerateObject().Select(p => p.Name));
        var retryAfter = body.GetProperty("retry_after").GetInt32();
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(refused.Headers.GetValues("Retry-After")));
        // Customers are another bucket: a key's reads go on.
        var (reader, _) = await server.ClientForNewOrganizationAsync("churn-throttle-key", "churn:read");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(ChurnRows.Path)).StatusCode);
    }
}
