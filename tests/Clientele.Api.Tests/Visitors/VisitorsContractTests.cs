using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Seed 003's examples as written, with only the base URL changed, and the shapes of its answers.</summary>
public sealed class VisitorsContractTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    private static readonly string[] PersonFields = ["id", "vector", "image", "age", "gender", "emotion", "body_type", "entry_time", "exit_time"];

    [DatabaseFact]
    public async Task The_python_example_logs_in_with_a_form_and_creates_a_person_with_the_session()
    {
        var organization = await server.CreateOrganizationAsync("nome-python");
        await server.CreateUserAsync(organization, "user@example.com", "password123", Role.Analyst);
        var session = server.CreateClient();

        var login = await session.PostAsync("/visitors/api/auth/login/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "user@example.com",
            ["password"] = "password123",
        }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var loginBody = await login.ReadJsonAsync();
        Assert.Equal("Успешный вход в систему", loginBody.GetProperty("message").GetString());
        Assert.Equal(["email", "first_name", "id", "is_verified", "last_name"], loginBody.GetProperty("user").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("clientele.session=", StringComparison.Ordinal));

        var response = await session.PostAsync(PersonPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["vector"] = JsonSerializer.Serialize(Enumerable.Repeat(0.1, 128)),
            ["age"] = "25",
            ["gender"] = "Female",
            ["emotion"] = "Happy",
            ["body_type"] = "Normal",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await response.ReadJsonAsync();
        Assert.Equal([.. PersonFields, "decision", "distance", "visit_id"], person.EnumerateObject().Select(p => p.Name));
        Assert.Equal(128, person.GetProperty("vector").GetArrayLength());
        Assert.Equal(0.1, person.GetProperty("vector")[0].GetDouble(), 6);
        Assert.Equal(25, person.GetProperty("age").GetInt32());
        Assert.Equal("Female", person.GetProperty("gender").GetString());
        Assert.Equal("created", person.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("image").ValueKind);
        Assert.EndsWith("Z", person.GetProperty("entry_time").GetString());
    }

    [DatabaseFact]
    public async Task A_login_with_a_wrong_password_is_the_seeds_400()
    {
        var organization = await server.CreateOrganizationAsync("nome-wrong");
        await server.CreateUserAsync(organization, $"u-{Guid.NewGuid():N}@example.com", "password123", Role.Analyst);

        var response = await server.CreateClient().PostAsJsonAsync("/visitors/api/auth/login/", new { email = "nobody@example.com", password = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"error":"Invalid data provided","details":{"non_field_errors":["Неверный email или пароль."]}}""", await response.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task A_multipart_upload_with_the_organization_key_and_an_image_stores_the_image()
    {
        var organization = await NewOrganizationAsync(server, "nome-multipart");
        var vector = new Faces(21).Identity();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(organization.PrivateKey), "organization_key" },
            { new StringContent(VectorJson(vector)), "vector" },
            { new StringContent("31"), "age" },
            { new StringContent("2024-12-01T10:00:00Z"), "entry_time" },
            { new StringContent("2024-12-01T11:00:00Z"), "exit_time" },
        };
        var image = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1]);
        image.Headers.ContentType = new("image/jpeg");
        form.Add(image, "image", "face.jpg");

        var response = await server.CreateClient().PostAsync(PersonPath, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await response.ReadJsonAsync();
        Assert.Equal($"people/{person.GetProperty("id").GetString()}.jpg", person.GetProperty("image").GetString());
        Assert.Equal("2024-12-01T10:00:00Z", person.GetProperty("entry_time").GetString());
        Assert.Equal("2024-12-01T11:00:00Z", person.GetProperty("exit_time").GetString());
    }

    [DatabaseFact]
    public async Task A_device_key_uploads_json_and_an_unknown_organization_key_is_the_seeds_400()
    {
        var organization = await NewOrganizationAsync(server, "nome-device");
        var vector = new Faces(22).Identity();

        var json = await organization.Camera.PostAsync(PersonPath, new StringContent(
            $$"""{"vector": {{VectorJson(vector)}}, "age": 40, "gender": "Male"}""", Encoding.UTF8, "application/json"));
        var unknown = await server.CreateClient().PostAsync(PersonPath, Frame("nokey0000000000000000000", vector, DateTimeOffset.UtcNow));
        var anonymous = await server.CreateClient().PostAsJsonAsync(PersonPath, new { vector = VectorJson(vector) });

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("created", (await json.ReadJsonAsync()).GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("""{"error":"Invalid data provided","details":{"organization_key":["Организация с указанным ключом не найдена."]}}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [DatabaseFact]
    public async Task The_persons_list_has_the_seeds_envelope_and_orders_the_seeds_history()
    {
        var organization = await NewOrganizationAsync(server, "nome-list");
        var faces = new Faces(23);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var ids = new List<string>();
        for (var person = 0; person < 3; person++)
        {
            ids.Add((await SendFrameAsync(server, organization, faces.Identity(), start.AddMinutes(10 * person))).GetProperty("id").GetString()!);
        }
        var update = await organization.Client.PutAsJsonAsync($"{PersonPath}{ids[0]}/", new
        {
            full_name = "Айгерим Ахметова", phone_number = "+77011234567", age = 30, gender = "Female", emotion = "Neutral", body_type = "Athletic",
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var page = await (await organization.Client.GetAsync($"{PersonsPath}?page=1&page_size=2")).ReadJsonAsync();

        Assert.Equal(["count", "total_pages", "current_page", "page_size", "has_next", "has_previous", "next_page", "previous_page", "results"],
            page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, page.GetProperty("count").GetInt32());
        Assert.Equal(2, page.GetProperty("total_pages").GetInt32());
        Assert.True(page.GetProperty("has_next").GetBoolean());
        Assert.Equal(2, page.GetProperty("next_page").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous_page").ValueKind);
        Assert.Equal(["id", "full_name", "phone_number", "age", "gender", "emotion", "body_type", "entry_time", "exit_time", "created_at", "updated_at"],
            page.GetProperty("results")[0].EnumerateObject().Select(p => p.Name));

        var cart = await (await organization.Client.PostAsJsonAsync("/visitors/api/client/carts/", new { person = ids[0] })).ReadJsonAsync();
        var product = await (await organization.Client.PostAsJsonAsync("/visitors/api/client/products/", new { name = "Бешбармак" })).ReadJsonAsync();
        var bulk = await organization.Client.PostAsJsonAsync("/visitors/api/client/cart-products/bulk/", new
        {
            cart_products = new[]
            {
                new { organization = organization.Id, cart = cart.GetProperty("id").GetString(), product = product.GetProperty("id").GetString() },
                new { organization = organization.Id, cart = cart.GetProperty("id").GetString(), product = product.GetProperty("id").GetString() },
            },
        });
        Assert.Equal(HttpStatusCode.Created, bulk.StatusCode);
        var created = await bulk.ReadJsonAsync();
        Assert.Equal("Успешно создано 2 товаров в корзинах", created.GetProperty("message").GetString());
        Assert.Equal(2, created.GetProperty("created_count").GetInt32());
        Assert.Equal(["id", "organization", "cart", "product", "created_at", "updated_at"], created.GetProperty("cart_products")[0].EnumerateObject().Select(p => p.Name));

        var history = await (await organization.Client.GetAsync($"{PersonPath}{ids[0]}/orders/")).ReadJsonAsync();
        Assert.Equal(ids[0], history.GetProperty("person_id").GetString());
        Assert.Equal("Айгерим Ахметова", history.GetProperty("person_name").GetString());
        Assert.Equal(1, history.GetProperty("total_orders").GetInt32());
        var order = history.GetProperty("orders")[0];
        Assert.Equal(2, order.GetProperty("total_products").GetInt32());
        Assert.Equal("Бешбармак", order.GetProperty("products")[0].GetProperty("product_name").GetString());
    }

    [DatabaseFact]
    public async Task The_five_statistics_count_visits_with_the_seeds_types_and_labels()
    {
        var organization = await NewOrganizationAsync(server, "nome-stats");
        var faces = new Faces(24);
        var now = DateTimeOffset.UtcNow;
        await SendFrameAsync(server, organization, faces.Identity(), now.AddMinutes(-30));
        var regular = faces.Identity();
        await SendFrameAsync(server, organization, regular, now.AddHours(-3));
        await SendFrameAsync(server, organization, faces.Frame(regular), now.AddMinutes(-20));
        var client = organization.Client;

        var hours = await (await client.GetAsync("/visitors/api/client/statistics/visit-count/?type=last_6_hours")).ReadJsonAsync();
        var day = await (await client.GetAsync("/visitors/api/client/statistics/visit-count/")).ReadJsonAsync();
        var week = await (await client.GetAsync("/visitors/api/client/statistics/visit-count/?type=week")).ReadJsonAsync();
        var month = await (await client.GetAsync("/visitors/api/client/statistics/visit-count/?type=month")).ReadJsonAsync();
        var wrong = await client.GetAsync("/visitors/api/client/statistics/visit-count/?type=year");

        Assert.Equal(6, hours.GetArrayLength());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:00$", hours[0].GetProperty("date").GetString()!);
        Assert.Equal(3, hours.EnumerateArray().Sum(point => point.GetProperty("value").GetInt32()));
        Assert.Equal(24, day.GetArrayLength());
        Assert.Matches(@"^\d{2}:00$", day[0].GetProperty("date").GetString()!);
        Assert.Equal(7, week.GetArrayLength());
        Assert.Equal(3, week.EnumerateArray().Sum(point => point.GetProperty("value").GetInt32()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", week[6].GetProperty("date").GetString()!);
        Assert.Equal(30, month.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.StartsWith("""{"error":"Invalid data provided","details":{"type":[""", await wrong.Content.ReadAsStringAsync());

        Assert.Equal("""[{"type":"Normal","percentage":100.0}]""", await client.GetStringAsync("/visitors/api/client/statistics/body-type/"));
        Assert.Equal("""[{"type":"Female","percentage":100.0}]""", await client.GetStringAsync("/visitors/api/client/statistics/gender/"));
        Assert.Equal("""[{"type":"Happy","value":3}]""", await client.GetStringAsync("/visitors/api/client/statistics/emotion/"));
        Assert.Equal("""[{"type":"18-30","percentage":100.0}]""", await client.GetStringAsync("/visitors/api/client/statistics/age/"));
    }
}
