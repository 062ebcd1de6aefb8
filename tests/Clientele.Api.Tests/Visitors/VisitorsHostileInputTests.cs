using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Testing;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Hostile input gets the seed's error body (a 4xx, never a 5xx) and stores nothing.</summary>
public sealed class VisitorsHostileInputTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    public static TheoryData<string, string> BadVectors => new()
    {
        { "[0.1, 0.2]", "Vector must contain 128 values." },
        { "not json", "Vector must be valid JSON." },
        { "[" + string.Join(",", Enumerable.Repeat("NaN", 128)) + "]", "Vector must be valid JSON." },
        { "[" + string.Join(",", Enumerable.Repeat("1e60", 128)) + "]", "Vector must contain only finite numbers." },
        { "[" + string.Join(",", Enumerable.Repeat("\"a\"", 128)) + "]", "Vector must contain only finite numbers." },
        { "{\"a\": 1}", "Vector must contain 128 values." },
        { "", "This field is required." },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadVectors))]
    public async Task A_bad_vector_is_the_seeds_400_and_stores_nothing(string vector, string message)
    {
        var organization = await NewOrganizationAsync(server, "nome-hostile");

        var response = await server.CreateClient().PostAsync(PersonPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organization_key"] = organization.PrivateKey,
            ["vector"] = vector,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($$$"""{"error":"Invalid data provided","details":{"vector":["{{{message}}}"]}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal((0, 0, 0, 0), await CountsAsync(server, organization.Id));
    }

    [DatabaseFact]
    public async Task Bad_fields_ids_bodies_and_sizes_are_4xx_in_the_seeds_shape_and_change_nothing()
    {
        var organization = await NewOrganizationAsync(server, "nome-hostile-fields");
        var faces = new Faces(41);
        var id = (await SendFrameAsync(server, organization, faces.Identity(), DateTimeOffset.UtcNow)).GetProperty("id").GetString();
        var before = await CountsAsync(server, organization.Id);
        var vector = VectorJson(faces.Identity());

        var badAge = await server.CreateClient().PostAsync(PersonPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organization_key"] = organization.PrivateKey, ["vector"] = vector, ["age"] = "-5", ["entry_time"] = "yesterday", ["gender"] = new string('x', 5000),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, badAge.StatusCode);
        var body = await badAge.Content.ReadAsStringAsync();
        Assert.Contains("\"age\":[\"Возраст должен быть от 0 до 120.\"]", body);
        Assert.Contains("\"entry_time\":", body);
        Assert.Contains("\"gender\":", body);

        var huge = await organization.Camera.PostAsync(PersonPath, new StringContent(
            $$"""{"vector": {{vector}}, "gender": "{{new string('x', 12 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.StartsWith("""{"error":""", await huge.Content.ReadAsStringAsync());

        var notJson = await organization.Camera.PostAsync(PersonPath, new StringContent("{\"vector\": [1,", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var wrongType = await organization.Camera.PostAsync(PersonPath, new StringContent(vector, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        var notAnImage = new MultipartFormDataContent
        {
            { new StringContent(organization.PrivateKey), "organization_key" },
            { new StringContent(vector), "vector" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("<?php echo 1; ?>")), "image", "face.jpg" },
        };
        var image = await server.CreateClient().PostAsync(PersonPath, notAnImage);
        Assert.Equal(HttpStatusCode.BadRequest, image.StatusCode);
        Assert.Contains("\"image\":", await image.Content.ReadAsStringAsync());

        foreach (var path in new[] { $"{PersonPath}not-an-id/", $"{PersonPath}{Guid.NewGuid()}/", $"{PersonPath}%20/orders/" })
        {
            var response = await organization.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("""{"error":"Person не найден"}""", await response.Content.ReadAsStringAsync());
        }
        var badUpdate = await organization.Client.PutAsJsonAsync($"{PersonPath}{id}/", new { age = 500, gender = "Dragon", phone_number = "call me" });
        Assert.Equal(HttpStatusCode.BadRequest, badUpdate.StatusCode);
        var malformed = await organization.Client.PutAsync($"{PersonPath}{id}/", new StringContent("{\"age\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.StartsWith("""{"error":"Invalid data provided","details":""", await malformed.Content.ReadAsStringAsync());
        var emptyBulk = await organization.Client.PostAsJsonAsync("/visitors/api/client/cart-products/bulk/", new { cart_products = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, emptyBulk.StatusCode);
        var badBulk = await organization.Client.PostAsJsonAsync("/visitors/api/client/cart-products/bulk/", new
        {
            cart_products = new[] { new { organization = "x", cart = "not-an-id", product = (string?)null } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, badBulk.StatusCode);
        var badPage = await organization.Client.GetAsync($"{PersonsPath}?page=999");
        Assert.Equal(HttpStatusCode.NotFound, badPage.StatusCode);

        Assert.Equal(before, await CountsAsync(server, organization.Id));
        var person = await (await organization.Client.GetAsync($"{PersonPath}{id}/")).Content.ReadAsStringAsync();
        Assert.Contains("\"age\":25", person);
    }
}
