using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Churn.ChurnAuth;

namespace Clientele.Api.Tests.Churn;

/// <summary>Seed 002's customers: create, get with the risk history, update, delete, and the paged, searched, sorted list.</summary>
public sealed class ChurnCustomerTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private const string Base = "http://localhost/churn/api/customers/";

    private readonly ChurnServer server = servers.Current;

    private static readonly string[] SeedFields = ["id", "name", "email", "phone", "risk_score", "last_updated"];
    private static readonly string[] AdditiveFields = ["age", "tenure", "balance", "products", "credit_card", "active", "salary", "churned", "churn_date", "risk_band", "model_version"];

    [DatabaseFact]
    public async Task Create_answers_201_with_the_seed_fields_and_the_additive_ones()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var started = DateTime.UtcNow.AddSeconds(-2);

        var response = await user.Client.PostAsJsonAsync(ChurnRows.Path,
            ChurnRows.Customer("  Айгерим Ахметова ", "Aigerim@Mail.KZ", "+7 701 555 12 34", age: 29, tenure: 4, balance: 125000.75, products: 3, creditCard: false, active: true, salary: 450000));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.True(id > 0);
        Assert.Equal($"/churn/api/customers/{id}/", response.Headers.Location?.OriginalString);
        Assert.Equal(SeedFields.Concat(AdditiveFields).Order(), body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Айгерим Ахметова", body.GetProperty("name").GetString());
        Assert.Equal("aigerim@mail.kz", body.GetProperty("email").GetString());
        Assert.Equal("+7 701 555 12 34", body.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("risk_score").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("risk_band").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("model_version").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("churned").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("churn_date").ValueKind);
        Assert.InRange(body.GetProperty("last_updated").GetDateTime().ToUniversalTime(), started, DateTime.UtcNow.AddSeconds(2));
        Assert.EndsWith("Z", body.GetProperty("last_updated").GetString());
        Assert.Equal(29, body.GetProperty("age").GetInt32());
        Assert.Equal(4, body.GetProperty("tenure").GetInt32());
        Assert.Equal(125000.75, body.GetProperty("balance").GetDouble());
        Assert.Equal(3, body.GetProperty("products").GetInt32());
        Assert.False(body.GetProperty("credit_card").GetBoolean());
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(450000, body.GetProperty("salary").GetDouble());
    }

    [DatabaseFact]
    public async Task Get_answers_the_customer_with_an_empty_risk_history_when_no_model_scored_it()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var created = await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("Ерлан Нурланов", "erlan@mail.kz", age: 41, salary: 120000));
        var id = created.GetProperty("id").GetInt32();

        var response = await user.Client.GetAsync($"{ChurnRows.Path}{id}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(SeedFields.Concat(AdditiveFields).Append("risk_history").Order(), body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(id, body.GetProperty("id").GetInt32());
        Assert.Equal("Ерлан Нурланов", body.GetProperty("name").GetString());
        Assert.Equal("erlan@mail.kz", body.GetProperty("email").GetString());
        Assert.Equal(41, body.GetProperty("age").GetInt32());
        Assert.Equal(120000, body.GetProperty("salary").GetDouble());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("risk_score").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("risk_history").ValueKind);
        Assert.Equal(0, body.GetProperty("risk_history").GetArrayLength());
        // PostgreSQL keeps microseconds; the create answer may show the tick it was made at.
        Assert.InRange((body.GetProperty("last_updated").GetDateTime() - created.GetProperty("last_updated").GetDateTime()).Duration(), TimeSpan.Zero, TimeSpan.FromMicroseconds(1));
    }

    [DatabaseFact]
    public async Task Put_replaces_every_field_and_a_partial_body_is_400()
    {
        var user = await NewUserAsync(server, Role.Analyst);
        var admin = await NewUserAsync(server, Role.Admin, user.OrganizationId);
        var created = await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("Старое Имя", "old@mail.kz"));
        var id = created.GetProperty("id").GetInt32();
        await Task.Delay(20);

        var response = await user.Client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", ChurnRows.Customer("Новое Имя", "new@mail.kz", "8 (727) 111-22-33",
            age: 52, tenure: 10, balance: 0, products: 1, creditCard: false, active: false, salary: 99.5).With("churned", true).With("churn_date", "2025-05-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadJsonAsync();
        Assert.Equal(id, updated.GetProperty("id").GetInt32());
        Assert.Equal("Новое Имя", updated.GetProperty("name").GetString());
        Assert.True(updated.GetProperty("last_updated").GetDateTime() > created.GetProperty("last_updated").GetDateTime());
        var stored = await (await admin.Client.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync();
        Assert.Equal("new@mail.kz", stored.GetProperty("email").GetString());
        Assert.Equal("8 (727) 111-22-33", stored.GetProperty("phone").GetString());
        Assert.Equal(52, stored.GetProperty("age").GetInt32());
        Assert.Equal(10, stored.GetProperty("tenure").GetInt32());
        Assert.Equal(0, stored.GetProperty("balance").GetDouble());
        Assert.Equal(1, stored.GetProperty("products").GetInt32());
        Assert.False(stored.GetProperty("credit_card").GetBoolean());
        Assert.False(stored.GetProperty("active").GetBoolean());
        Assert.Equal(99.5, stored.GetProperty("salary").GetDouble());
        Assert.True(stored.GetProperty("churned").GetBoolean());
        Assert.Equal("2025-05-01", stored.GetProperty("churn_date").GetString());

        var partial = await user.Client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", new { name = "Только Имя" });
        var error = await AssertErrorAsync(partial, HttpStatusCode.BadRequest, "Invalid input");
        foreach (var field in new[] { "email", "age", "tenure", "balance", "products", "credit_card", "active", "salary" })
        {
            AssertRequired(error, field);
        }
        Assert.Equal("Новое Имя", (await (await admin.Client.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync()).GetProperty("name").GetString());
        // The old e-mail is free again; the new one is taken by this customer only, so saving it again is fine.
        Assert.Equal(HttpStatusCode.OK, (await user.Client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", ChurnRows.Customer("Новое Имя", "new@mail.kz"))).StatusCode);
        await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("Другой", "old@mail.kz"));
    }

    [DatabaseFact]
    public async Task Delete_answers_204_and_then_the_customer_is_404()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var id = await ChurnRows.CreateIdAsync(user.Client, ChurnRows.Customer("Удаляемый", "gone@mail.kz"));
        var kept = await ChurnRows.CreateIdAsync(user.Client, ChurnRows.Customer("Остающийся", "kept@mail.kz"));

        var response = await user.Client.DeleteAsync($"{ChurnRows.Path}{id}/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await AssertOnlyErrorAsync(await user.Client.GetAsync($"{ChurnRows.Path}{id}/"), HttpStatusCode.NotFound, "Resource not found");
        await AssertOnlyErrorAsync(await user.Client.DeleteAsync($"{ChurnRows.Path}{id}/"), HttpStatusCode.NotFound, "Resource not found");
        await AssertOnlyErrorAsync(await user.Client.PutAsJsonAsync($"{ChurnRows.Path}{id}/", ChurnRows.Customer("Воскресший", "gone@mail.kz")),
            HttpStatusCode.NotFound, "Resource not found");
        var list = await ChurnRows.PageAsync(user.Client, "");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        Assert.Equal(kept, list.GetProperty("results")[0].GetProperty("id").GetInt32());
    }

    [DatabaseFact]
    public async Task The_list_is_drf_paged_with_absolute_next_and_previous_links()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var ids = new List<int>();
        foreach (var name in new[] { "Первый", "Второй", "Третий", "Четвёртый", "Пятый" })
        {
            ids.Add(await ChurnRows.CreateIdAsync(user.Client, ChurnRows.Customer(name, $"{ids.Count}@page.kz")));
        }

        var first = await ChurnRows.PageAsync(user.Client, "?page_size=2");
        var second = await ChurnRows.PageAsync(user.Client, "?page_size=2&page=2");
        var third = await ChurnRows.PageAsync(user.Client, "?page=3&page_size=2");

        Assert.Equal(["count", "next", "previous", "results"], first.EnumerateObject().Select(p => p.Name));
        Assert.All(new[] { first, second, third }, page => Assert.Equal(5, page.GetProperty("count").GetInt32()));
        Assert.Equal($"{Base}?page_size=2&page=2", first.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal($"{Base}?page_size=2&page=3", second.GetProperty("next").GetString());
        Assert.Equal($"{Base}?page_size=2", second.GetProperty("previous").GetString());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
        Assert.Equal($"{Base}?page_size=2&page=2", third.GetProperty("previous").GetString());
        Assert.Equal(ids, new[] { first, second, third }.SelectMany(p => p.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetInt32())));
        Assert.Equal(["Пятый"], ChurnRows.Names(third));
        var row = first.GetProperty("results")[0];
        Assert.Equal(SeedFields.Concat(AdditiveFields).Order(), row.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(row.TryGetProperty("risk_history", out _));
        // Following the links as given reaches the same pages.
        Assert.Equal(second.ToString(), (await ChurnRows.PageAsync(user.Client, first.GetProperty("next").GetString()![Base.Length..])).ToString());
        Assert.Equal(first.ToString(), (await ChurnRows.PageAsync(user.Client, second.GetProperty("previous").GetString()![Base.Length..])).ToString());
        // Other parameters are kept in the links.
        var searched = await ChurnRows.PageAsync(user.Client, "?search=%D0%B9&page_size=1&sort_by=name");
        Assert.Equal($"{Base}?search=%D0%B9&page_size=1&sort_by=name&page=2", searched.GetProperty("next").GetString());
    }

    [DatabaseFact]
    public async Task The_default_page_size_is_10_and_the_largest_is_100()
    {
        var user = await NewUserAsync(server, Role.Admin);
        await ChurnRows.InsertAsync(server, user.OrganizationId, 105, "Bulk");

        var byDefault = await ChurnRows.PageAsync(user.Client, "");
        var capped = await ChurnRows.PageAsync(user.Client, "?page_size=1000");
        var cappedSecond = await ChurnRows.PageAsync(user.Client, "?page_size=1000&page=2");
        var notNumber = await ChurnRows.PageAsync(user.Client, "?page_size=many");
        var last = await ChurnRows.PageAsync(user.Client, "?page=11");

        Assert.Equal(105, byDefault.GetProperty("count").GetInt32());
        Assert.Equal(10, byDefault.GetProperty("results").GetArrayLength());
        Assert.Equal($"{Base}?page=2", byDefault.GetProperty("next").GetString());
        Assert.Equal(100, capped.GetProperty("results").GetArrayLength());
        Assert.Equal(5, cappedSecond.GetProperty("results").GetArrayLength());
        Assert.Equal("Bulk 104", ChurnRows.Names(cappedSecond)[^1]);
        Assert.Equal(10, notNumber.GetProperty("results").GetArrayLength());
        Assert.Equal(["Bulk 100", "Bulk 101", "Bulk 102", "Bulk 103", "Bulk 104"], ChurnRows.Names(last));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.Equal($"{Base}?page=10", last.GetProperty("previous").GetString());
    }

    [DatabaseTheory]
    [InlineData("?page=4&page_size=2")]
    [InlineData("?page=12")]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?page=abc")]
    [InlineData("?page=99999999999999999999")]
    public async Task A_page_beyond_the_end_or_not_a_page_is_404(string query)
    {
        var user = await NewUserAsync(server, Role.Viewer);
        var admin = await NewUserAsync(server, Role.Admin, user.OrganizationId);
        for (var i = 0; i < 5; i++)
        {
            await ChurnRows.CreateIdAsync(admin.Client, ChurnRows.Customer($"Клиент {i}", $"c{i}@end.kz"));
        }
        Assert.Equal(1, (await ChurnRows.PageAsync(user.Client, "?page=3&page_size=2")).GetProperty("results").GetArrayLength());

        await AssertOnlyErrorAsync(await user.Client.GetAsync($"{ChurnRows.Path}{query}"), HttpStatusCode.NotFound, "Invalid page.");
    }

    [DatabaseFact]
    public async Task An_empty_list_is_one_page_of_nothing()
    {
        var user = await NewUserAsync(server, Role.Viewer);

        var page = await ChurnRows.PageAsync(user.Client, "");

        Assert.Equal("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}", page.GetRawText());
    }

    [DatabaseFact]
    public async Task Search_is_case_insensitive_over_name_email_and_phone_in_any_script()
    {
        var user = await NewUserAsync(server, Role.Admin);
        await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("Айгерим Ахметова", "aigerim@mail.kz", "+7 701 555 12 34"));
        await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("АЙГЕРИМ Сапарова", "saparova@inbox.kz", "+7 702 000 00 01"));
        await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("John Smith", "john@corp.com", "+1 212 555 0100"));
        await ChurnRows.CreateAsync(user.Client, ChurnRows.Customer("Ömer Çelik", "omer@firma.tr", "+90 212 000 0000"));

        async Task<List<string>> Found(string term) => ChurnRows.Names(await ChurnRows.PageAsync(user.Client, $"?search={Uri.EscapeDataString(term)}"));

        Assert.Equal(["Айгерим Ахметова", "АЙГЕРИМ Сапарова"], await Found("айгерим"));
        Assert.Equal(["Айгерим Ахметова", "АЙГЕРИМ Сапарова"], await Found("АйГеРиМ"));
        Assert.Equal(["Айгерим Ахметова"], await Found("ахметова"));
        Assert.Equal(["John Smith"], await Found("SMITH"));
        Assert.Equal(["John Smith"], await Found("JOHN@CORP"));
        Assert.Equal(["АЙГЕРИМ Сапарова"], await Found("INBOX.kz"));
        Assert.Equal(["Айгерим Ахметова"], await Found("555 12"));
        Assert.Equal(["Ömer Çelik"], await Found("ömer çelik"));
        Assert.Equal(["Айгерим Ахметова", "АЙГЕРИМ Сапарова", "John Smith", "Ömer Çelik"], await Found("  "));
        Assert.Empty(await Found("Нурлан"));
        Assert.Empty(await Found("%"));
        Assert.Empty(await Found("_"));
        Assert.Equal(2, (await ChurnRows.PageAsync(user.Client, "?search=%D0%B0%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC")).GetProperty("count").GetInt32());
    }

    [DatabaseFact]
    public async Task Sort_by_name_risk_score_or_id_in_either_order()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var names = new[] { "Бекзат", "Алия", "Vera", "Арман", "Zeta" };
        var ids = new List<int>();
        foreach (var name in names)
        {
            ids.Add(await ChurnRows.CreateIdAsync(user.Client, ChurnRows.Customer(name, $"s{ids.Count}@sort.kz")));
        }
        var byName = names.Order(StringComparer.Ordinal).ToList();

        async Task<List<int>> Ids(string query) =>
            (await ChurnRows.PageAsync(user.Client, query)).GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();

        Assert.Equal(ids, await Ids(""));
        Assert.Equal(ids, await Ids("?sort_by=id"));
        Assert.Equal(ids.AsEnumerable().Reverse(), await Ids("?sort_by=id&order=desc"));
        Assert.Equal(ids.AsEnumerable().Reverse(), await Ids("?order=desc"));
        Assert.Equal(byName, ChurnRows.Names(await ChurnRows.PageAsync(user.Client, "?sort_by=name")));
        Assert.Equal(byName.AsEnumerable().Reverse(), ChurnRows.Names(await ChurnRows.PageAsync(user.Client, "?sort_by=name&order=desc")));
        Assert.Equal(byName.Skip(2).Take(2), ChurnRows.Names(await ChurnRows.PageAsync(user.Client, "?sort_by=name&page_size=2&page=2")));
        // No model has scored anyone: every risk score is null, and ties fall back to the id.
        Assert.Equal(ids, await Ids("?sort_by=risk_score"));
        Assert.Equal(ids.AsEnumerable().Reverse(), await Ids("?sort_by=risk_score&order=desc"));
    }

    [DatabaseTheory]
    [InlineData("?sort_by=email", "sort_by")]
    [InlineData("?sort_by=NAME", "sort_by")]
    [InlineData("?sort_by=", "sort_by")]
    [InlineData("?sort_by=name;DROP TABLE churn_customers", "sort_by")]
    [InlineData("?order=up", "order")]
    [InlineData("?sort_by=name&order=DESC", "order")]
    public async Task An_invalid_sort_or_order_is_400(string query, string field)
    {
        var user = await NewUserAsync(server, Role.Viewer);

        var error = await AssertErrorAsync(await user.Client.GetAsync($"{ChurnRows.Path}{query}"), HttpStatusCode.BadRequest, "Invalid input");

        Assert.StartsWith($"{field}: ", error.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty("fields").GetProperty(field).ValueKind);
    }

    [DatabaseFact]
    public async Task A_duplicate_email_is_400_whatever_its_case_and_another_organization_may_use_it()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var elsewhere = await NewUserAsync(server, Role.Admin);
        var first = await ChurnRows.CreateIdAsync(user.Client, ChurnRows.Customer("Первый", "same@mail.kz"));
        var second = await ChurnRows.CreateIdAsync(user.Client, ChurnRows.Customer("Второй", "other@mail.kz"));
        var before = await ChurnRows.ListAsync(user.Client);

        foreach (var email in new[] { "same@mail.kz", "SAME@Mail.kz", " same@mail.kz " })
        {
            var error = await AssertErrorAsync(await user.Client.PostAsJsonAsync(ChurnRows.Path, ChurnRows.Customer("Копия", email)), HttpStatusCode.BadRequest, "Invalid input");
            Assert.Equal("email: customer with this email already exists.", error.GetProperty("detail").GetString());
            Assert.Equal("customer with this email already exists.", error.GetProperty("fields").GetProperty("email")[0].GetString());
        }
        await AssertErrorAsync(await user.Client.PutAsJsonAsync($"{ChurnRows.Path}{second}/", ChurnRows.Customer("Второй", "Same@mail.kz")), HttpStatusCode.BadRequest, "Invalid input");

        Assert.Equal(before, await ChurnRows.ListAsync(user.Client));
        Assert.True(first > 0);
        await ChurnRows.CreateAsync(elsewhere.Client, ChurnRows.Customer("Тёзка", "same@mail.kz"));
    }

    [DatabaseFact]
    public async Task A_form_urlencoded_create_and_update_work_with_booleans_and_numbers_as_text()
    {
        var user = await NewUserAsync(server, Role.Admin);
        var form = new Dictionary<string, string>
        {
            ["name"] = "Гүлнар Оспанова", ["email"] = "gulnar@mail.kz", ["phone"] = "+7 705 111 22 33", ["age"] = "44", ["tenure"] = "7",
            ["balance"] = "3500.25", ["products"] = "2", ["credit_card"] = "true", ["active"] = "false", ["salary"] = "210000",
        };

        var response = await user.Client.PostAsync(ChurnRows.Path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Гүлнар Оспанова", body.GetProperty("name").GetString());
        Assert.Equal(44, body.GetProperty("age").GetInt32());
        Assert.Equal(3500.25, body.GetProperty("balance").GetDouble());
        Assert.True(body.GetProperty("credit_card").GetBoolean());
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal(210000, body.GetProperty("salary").GetDouble());
        var id = body.GetProperty("id").GetInt32();

        form["credit_card"] = "0";
        form["active"] = "on";
        var update = await user.Client.PutAsync($"{ChurnRows.Path}{id}/", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var stored = await (await user.Client.GetAsync($"{ChurnRows.Path}{id}/")).ReadJsonAsync();
        Assert.False(stored.GetProperty("credit_card").GetBoolean());
        Assert.True(stored.GetProperty("active").GetBoolean());

        form["active"] = "maybe";
        var error = await AssertErrorAsync(await user.Client.PostAsync(ChurnRows.Path, new FormUrlEncodedContent(form)), HttpStatusCode.BadRequest);
        Assert.Contains("active", error.GetProperty("detail").GetString());
        Assert.Equal(1, (await ChurnRows.PageAsync(user.Client, "")).GetProperty("count").GetInt32());
    }

    [DatabaseTheory]
    [InlineData("name", null, "name: required")]
    [InlineData("name", "", "name: This field may not be blank.")]
    [InlineData("name", "   ", "name: This field may not be blank.")]
    [InlineData("email", "not-an-email", "email: Enter a valid email address.")]
    [InlineData("email", "a@b", "email: Enter a valid email address.")]
    [InlineData("phone", "call me", "phone: Enter a valid phone number: digits, spaces, +, -, ( and ).")]
    [InlineData("age", 15, "age: Ensure this value is greater than or equal to 16.")]
    [InlineData("age", 121, "age: Ensure this value is less than or equal to 120.")]
    [InlineData("products", 21, "products: Ensure this value is less than or equal to 20.")]
    [InlineData("tenure", -1, "tenure: Ensure this value is greater than or equal to 0.")]
    [InlineData("balance", -0.01, "balance: Ensure this value is greater than or equal to 0.")]
    [InlineData("credit_card", null, "credit_card: required")]
    [InlineData("salary", null, "salary: required")]
    public async Task Invalid_fields_are_400_naming_the_field_and_nothing_is_stored(string field, object? value, string detail)
    {
        var user = await NewUserAsync(server, Role.Admin);
        var body = value is null ? ChurnRows.Customer("Проверка", "check@mail.kz").Without(field) : ChurnRows.Customer("Проверка", "check@mail.kz").With(field, value);

        var error = await AssertErrorAsync(await user.Client.PostAsJsonAsync(ChurnRows.Path, body), HttpStatusCode.BadRequest, "Invalid input");

        if (detail.EndsWith(": required", StringComparison.Ordinal))
        {
            AssertRequired(error, field);
        }
        else
        {
            Assert.Equal(detail, error.GetProperty("detail").GetString());
        }
        Assert.Equal(0, (await ChurnRows.PageAsync(user.Client, "")).GetProperty("count").GetInt32());
    }
}
