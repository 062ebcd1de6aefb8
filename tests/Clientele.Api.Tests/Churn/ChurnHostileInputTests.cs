using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Churn.ChurnAuth;

namespace Clientele.Api.Tests.Churn;

/// <summary>Whatever a client sends, churn answers a 4xx in its own shape (<c>{"error": …}</c>), never a 5xx, and stored customers stay as they were.</summary>
public sealed class ChurnHostileInputTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private readonly ChurnServer server = servers.Current;

    /// <summary>What is stored before each attack; the attacks start from <see cref="Fresh"/>, whose e-mail is free, so only the attack can fail them.</summary>
    private static readonly Dictionary<string, object?> Valid = ChurnRows.Customer("Нормальный Клиент", "stored@mail.kz");
    private static readonly Dictionary<string, object?> Fresh = ChurnRows.Customer("Новый Клиент", "fresh@mail.kz");

    /// <summary>Bodies for create and update: raw text and its content type.</summary>
    public static TheoryData<string, string, string> Bodies
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            void Json(string label, object body) => data.Add(label, JsonSerializer.Serialize(body), "application/json");
            void Raw(string label, string body, string type = "application/json") => data.Add(label, body, type);

            Raw("truncated JSON", "{\"name\": \"x\", ");
            Raw("not JSON", "name=x; email=y");
            Raw("trailing garbage", JsonSerializer.Serialize(Fresh) + "}}");
            Raw("empty body", "");
            Raw("null", "null");
            Raw("array", $"[{JsonSerializer.Serialize(Fresh)}]");
            Raw("string", "\"customer\"");
            Raw("number", "42");
            Raw("deep nesting", new string('[', 10_000) + new string(']', 10_000));
            Raw("single quotes", "{'name': 'x'}");
            Raw("comment", "/* c */ " + JsonSerializer.Serialize(Fresh));
            Raw("lone surrogate in name", JsonSerializer.Serialize(Fresh.With("name", "LONE")).Replace("LONE", "a\\uD800b"));
            Raw("lone low surrogate in email", JsonSerializer.Serialize(Fresh.With("email", "LONE@mail.kz")).Replace("LONE", "fr\\uDC00esh"));
            Json("age as text", Fresh.With("age", "abc"));
            Json("age as float", Fresh.With("age", 30.5));
            Json("age as object", Fresh.With("age", new { value = 30 }));
            Json("age as array", Fresh.With("age", new[] { 30 }));
            Json("age as bool", Fresh.With("age", true));
            Json("credit_card as text", Fresh.With("credit_card", "yes please"));
            Json("credit_card as number", Fresh.With("credit_card", 2));
            Json("name as number", Fresh.With("name", 12345));
            Json("name as object", Fresh.With("name", new { first = "a" }));
            Json("email as array", Fresh.With("email", new[] { "a@b.kz" }));
            Json("null name", Fresh.With("name", null));
            Json("null age", Fresh.With("age", null));
            Json("negative age", Fresh.With("age", -5));
            Json("negative products", Fresh.With("products", -1));
            Json("negative salary", Fresh.With("salary", -1000.0));
            Json("int overflow age", Fresh.With("age", 99_999_999_999L));
            Json("enormous balance", Fresh.With("balance", 1e300));
            Json("enormous salary", Fresh.With("salary", 1e13));
            Json("huge tenure", Fresh.With("tenure", int.MaxValue));
            Raw("overflowing double", JsonSerializer.Serialize(Fresh).Replace("\"balance\":12500.5", "\"balance\":1e999"));
            Raw("NaN", JsonSerializer.Serialize(Fresh).Replace("\"balance\":12500.5", "\"balance\":NaN"));
            Raw("NaN as text", JsonSerializer.Serialize(Fresh).Replace("\"balance\":12500.5", "\"balance\":\"NaN\""));
            Raw("Infinity as text", JsonSerializer.Serialize(Fresh).Replace("\"salary\":85000", "\"salary\":\"Infinity\""));
            Raw("huge integer literal", JsonSerializer.Serialize(Fresh).Replace("\"age\":35", "\"age\":" + new string('9', 5000)));
            Json("10 000-character name", Fresh.With("name", new string('Ж', 10_000)));
            Json("10 000-character email", Fresh.With("email", new string('a', 10_000) + "@mail.kz"));
            Json("10 000-character phone", Fresh.With("phone", new string('1', 10_000)));
            Json("NUL in name", Fresh.With("name", "Имя\0Фамилия"));
            Json("NUL only name", Fresh.With("name", "\0"));
            Json("NUL in email", Fresh.With("email", "hostile\0@mail.kz"));
            Json("NUL in phone", Fresh.With("phone", "+7\0701"));
            Json("control characters in name", Fresh.With("name", "a\u0007\u001bb"));
            Json("churn date without churn", Fresh.With("churned", false).With("churn_date", "2025-01-01"));
            Json("churn date not a date", Fresh.With("churn_date", "yesterday"));
            Raw("text/plain", JsonSerializer.Serialize(Fresh), "text/plain");
            Raw("application/xml", "<customer><name>x</name></customer>", "application/xml");
            Raw("form with text for a number", "name=x&email=f%40mail.kz&age=abc&tenure=1&balance=1&products=1&credit_card=true&active=true&salary=1",
                "application/x-www-form-urlencoded");
            Raw("form with NUL", "name=a%00b&email=nul%40mail.kz&age=30&tenure=1&balance=1&products=1&credit_card=true&active=true&salary=1",
                "application/x-www-form-urlencoded");
            Raw("form with 2 000 fields", string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=1")), "application/x-www-form-urlencoded");
            Raw("form with a NUL key", "na%00me=x&email=k%40mail.kz", "application/x-www-form-urlencoded");
            Raw("multipart garbage", "--x\r\nnot really multipart", "multipart/form-data; boundary=x");
            return data;
        }
    }

    [DatabaseTheory]
    [MemberData(nameof(Bodies))]
    public async Task Hostile_create_and_update_bodies_are_4xx_in_the_churn_shape_and_change_nothing(string label, string body, string contentType)
    {
        var user = await NewUserAsync(server, Role.Admin);
        var id = await ChurnRows.CreateIdAsync(user.Client, Valid);
        var before = await ChurnRows.ListAsync(user.Client);

        foreach (var (method, path) in new[] { (HttpMethod.Post, ChurnRows.Path), (HttpMethod.Put, $"{ChurnRows.Path}{id}/") })
        {
            var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            var response = await user.Client.SendAsync(request);

            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status is >= 400 and < 500, $"{label}, {method}: {status} {text}");
            await AssertErrorAsync(response, response.StatusCode);
            if (contentType is "text/plain" or "application/xml")
            {
                await AssertOnlyErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported media type");
            }
            if (status == 400)
            {
                var error = JsonDocument.Parse(text).RootElement;
                Assert.True(error.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 0, $"{label}: {text}");
            }
        }
        Assert.Equal(before, await ChurnRows.ListAsync(user.Client));
    }

    [DatabaseFact]
    public async Task Invalid_utf8_bytes_in_a_body_are_400()
    {
        var user = await NewUserAsync(server, Role.Admin);
        await ChurnRows.CreateIdAsync(user.Client, Valid);
        var before = await ChurnRows.ListAsync(user.Client);
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Fresh.With("name", "BAD")));
        var at = Encoding.UTF8.GetString(json).IndexOf("BAD", StringComparison.Ordinal);
        json[at] = 0xFF;
        json[at + 1] = 0xFE;
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await user.Client.PostAsync(ChurnRows.Path, content);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await ChurnRows.ListAsync(user.Client));
    }

    [DatabaseFact]
    public async Task Hostile_ids_are_404_for_get_put_and_delete()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var id = await ChurnRows.CreateIdAsync(user.Client, Valid);
        var before = await ChurnRows.ListAsync(user.Client);
        var ids = new[]
        {
            "abc", "-1", "0", "1.5", "1e3", "+1", " 1", "%20" + id, "0x1", "99999999999999999999", "2147483648", "%D0%B0",
            "1;DROP TABLE churn_customers", "..%2F..%2Fplatform", "null", new string('9', 5000), $"{id}abc",
        };

        foreach (var bad in ids)
        {
            var path = $"{ChurnRows.Path}{bad}/";
            await AssertOnlyErrorAsync(await user.Client.GetAsync(path), HttpStatusCode.NotFound, "Resource not found");
            await AssertOnlyErrorAsync(await user.Client.PutAsJsonAsync(path, Valid), HttpStatusCode.NotFound, "Resource not found");
            await AssertOnlyErrorAsync(await user.Client.DeleteAsync(path), HttpStatusCode.NotFound, "Resource not found");
        }
        Assert.Equal(before, await ChurnRows.ListAsync(user.Client));
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"{ChurnRows.Path}{id}/")).StatusCode);
    }

    [DatabaseTheory]
    [InlineData("?search=%00")]
    [InlineData("?search=a%00b")]
    [InlineData("?search=%FF%FE")]
    [InlineData("?search=%27%20OR%201%3D1%20--")]
    [InlineData("?search=%5C")]
    [InlineData("?page_size=-5")]
    [InlineData("?page_size=0")]
    [InlineData("?page_size=99999999999999999999")]
    [InlineData("?page_size=1e2")]
    [InlineData("?page=1&page=2")]
    [InlineData("?sort_by=name&sort_by=id")]
    [InlineData("?order=asc&order=desc")]
    public async Task Hostile_queries_never_fail_the_server_nor_leak_rows(string query)
    {
        var user = await NewUserAsync(server, Role.Admin);
        await ChurnRows.CreateIdAsync(user.Client, Valid);

        var response = await user.Client.GetAsync($"{ChurnRows.Path}{query}");

        var status = (int)response.StatusCode;
        Assert.True(status is 200 or 400 or 404, $"{query}: {status} {await response.Content.ReadAsStringAsync()}");
        if (status == 200)
        {
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.InRange(page.GetProperty("count").GetInt32(), 0, 1);
            Assert.InRange(page.GetProperty("results").GetArrayLength(), 0, 1);
        }
        else
        {
            await AssertErrorAsync(response, response.StatusCode);
        }
    }

    [DatabaseTheory]
    [InlineData("?search=%27%20OR%201%3D1%20--", 0)]
    [InlineData("?page_size=-5", 1)]
    [InlineData("?page_size=0", 1)]
    [InlineData("?page_size=99999999999999999999", 1)]
    public async Task Hostile_queries_that_are_still_queries_answer_what_they_ask(string query, int count)
    {
        var user = await NewUserAsync(server, Role.Admin);
        await ChurnRows.CreateIdAsync(user.Client, Valid);

        var page = await ChurnRows.PageAsync(user.Client, query);

        Assert.Equal(count, page.GetProperty("count").GetInt32());
    }

    [DatabaseTheory]
    [InlineData("?search=%00")]
    [InlineData("?search=a%00b")]
    public async Task A_search_with_a_null_character_is_400_as_in_drf(string query)
    {
        var user = await NewUserAsync(server, Role.Viewer);

        var error = await AssertErrorAsync(await user.Client.GetAsync($"{ChurnRows.Path}{query}"), HttpStatusCode.BadRequest, "Invalid input");

        Assert.Equal("search: Null characters are not allowed.", error.GetProperty("detail").GetString());
    }

    [DatabaseFact]
    public async Task A_search_longer_than_an_email_is_400()
    {
        var user = await NewUserAsync(server, Role.Viewer);

        var error = await AssertErrorAsync(await user.Client.GetAsync($"{ChurnRows.Path}?search={new string('a', 10_000)}"), HttpStatusCode.BadRequest, "Invalid input");

        Assert.StartsWith("search: ", error.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string> LoginBodies => new()
    {
        { "{\"username\": \"a\\u0000b@mail.kz\", \"password\": \"x\"}", "application/json" },
        { "{\"username\": \"a@mail.kz\", \"password\": \"x\\u0000y\"}", "application/json" },
        { "username=a%00b%40mail.kz&password=x", "application/x-www-form-urlencoded" },
        { $"{{\"username\": \"{new string('a', 100_000)}@mail.kz\", \"password\": \"x\"}}", "application/json" },
        { $"{{\"username\": \"a@mail.kz\", \"password\": \"{new string('p', 100_000)}\"}}", "application/json" },
        { "{\"username\": 5, \"password\": true}", "application/json" },
        { "{\"username\": [\"a\"], \"password\": {}}", "application/json" },
        { "{\"username\": \"a@mail.kz\"", "application/json" },
        { "username=a&password=b", "text/plain" },
        { "{\"refresh\": \"x\"}", "application/json" },
    };

    [DatabaseTheory]
    [MemberData(nameof(LoginBodies))]
    public async Task Hostile_logins_are_4xx_in_the_churn_shape(string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LoginPath) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await server.CreateClient().SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.True(status is 400 or 401 or 413 or 415, $"{body[..Math.Min(80, body.Length)]}: {status} {await response.Content.ReadAsStringAsync()}");
        await AssertErrorAsync(response, response.StatusCode);
    }

    [DatabaseTheory]
    [InlineData("{\"refresh\": \"a\\u0000b\"}", "application/json")]
    [InlineData("{\"refresh\": 5}", "application/json")]
    [InlineData("{\"refresh\": \"\"}", "application/json")]
    [InlineData("{\"refresh\": \"eyJhbGciOiJub25lIn0.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.\"}", "application/json")]
    [InlineData("refresh=%00", "application/x-www-form-urlencoded")]
    [InlineData("{", "application/json")]
    [InlineData("refresh", "text/plain")]
    public async Task Hostile_refresh_and_logout_bodies_are_4xx_in_the_churn_shape(string body, string contentType)
    {
        foreach (var path in new[] { RefreshPath, LogoutPath })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

            var response = await server.CreateClient().SendAsync(request);

            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 401 or 415, $"{path} {body}: {status} {await response.Content.ReadAsStringAsync()}");
            await AssertErrorAsync(response, response.StatusCode);
        }
    }

    [DatabaseFact]
    public async Task Unknown_methods_and_paths_under_churn_answer_in_the_churn_shape()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var id = await ChurnRows.CreateIdAsync(user.Client, Valid);

        await AssertErrorAsync(await user.Client.PatchAsJsonAsync($"{ChurnRows.Path}{id}/", new { name = "x" }), HttpStatusCode.MethodNotAllowed);
        await AssertErrorAsync(await user.Client.DeleteAsync(ChurnRows.Path), HttpStatusCode.MethodNotAllowed);
        await AssertErrorAsync(await user.Client.GetAsync("/churn/api/nothing-here/"), HttpStatusCode.NotFound);
        var getLogin = await user.Client.GetAsync(LoginPath);
        await AssertErrorAsync(getLogin, getLogin.StatusCode is HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.MethodNotAllowed);
    }
}
