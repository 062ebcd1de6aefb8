using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Jobs;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Leads;

/// <summary>
/// Leads as CSV: the export filtered as the list, and the all-or-nothing import with its per-line report (bad lines,
/// duplicates of stored leads and of earlier lines), its dry run and its skip_duplicates.
/// </summary>
public sealed class LeadsCsvTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private const string Header = "name,phone,source,budget,notes,campaign";

    private readonly ClienteleFactory server = servers.Current;

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, string query = "")
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await client.PostAsync("/leads/api/leads/import" + query, content);
    }

    /// <summary>A dry run's report (200), or the report of the import job the request started (202, polled until it ends).</summary>
    private static async Task<JsonElement> ImportedAsync(HttpClient client, string csv, string query = "")
    {
        var response = await ImportAsync(client, csv, query);
        if (query.Contains("dry_run=true", StringComparison.Ordinal))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.ReadJsonAsync();
        }
        return await FinishedAsync(client, response);
    }

    /// <summary>The result of the job a 202 names, once it has succeeded.</summary>
    public static async Task<JsonElement> FinishedAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonAsync();
        var task = accepted.GetProperty("task_id").GetString()!;
        Assert.Equal($"/leads/api/leads/import/{task}", response.Headers.Location?.ToString());
        var done = await Eventually.WaitAsync(async () => await LeadsRows.GetAsync(client, $"leads/import/{task}"),
            job => job.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", "the import job to end");
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        return done.GetProperty("result");
    }

    private static async Task<List<JsonElement>> RefusedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray()];
    }

    private static string Location(JsonElement problem) => string.Join('/', problem.GetProperty("loc").EnumerateArray().Select(l => l.ToString()));

    [DatabaseFact]
    public async Task The_export_has_the_filtered_leads_quoted_and_guarded()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-export", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(client);
        await LeadsRows.PostAsync(client, "leads", new { ad_id = ad, name = "=HYPERLINK(\"x\")", phone = "87771234567", source = "olx", notes = "Звонить после 18:00, \"срочно\"", budget = 15000 });
        var hot = await LeadsRows.PostAsync(client, "leads", new { campaign_id = campaign, name = "Айгерим", phone = "+7 701 222 3344", source = "kaspi" });
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{hot.Id()}/status", new { status = "hot" });
        await LeadsRows.PostAsync(client, "leads", new { name = "Без кампании", phone = "+7 702 333 4455", source = "telegram" });

        var response = await client.GetAsync($"/leads/api/leads/export.csv?campaign_id={campaign}");
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("name,phone,source,platform_user_id,budget,notes,niche_id,niche,campaign_id,campaign,ad_id,id,phone_e164,status,quality_score,created_at", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"Айгерим,+7 701 222 3344,kaspi,,,,{niche},Ремонт ноутбуков,{campaign},OLX Алматы,,{hot.Id()},+77012223344,hot,,", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",+7 777 123 4567,olx,,15000.00,\"Звонить после 18:00, \"\"срочно\"\"\",", lines[2]);
        Assert.Contains($",{ad},", lines[2]);

        var onlyHot = await client.GetStringAsync($"/leads/api/leads/export.csv?status=hot&niche_id={niche}");
        Assert.Equal(2, onlyHot.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var all = await client.GetStringAsync("/leads/api/leads/export.csv");
        Assert.Equal(4, all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [DatabaseFact]
    public async Task An_export_with_a_bad_filter_is_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-export-bad", "leads:read");

        var status = await RefusedAsync(await client.GetAsync("/leads/api/leads/export.csv?status=gone"));
        var niche = await RefusedAsync(await client.GetAsync("/leads/api/leads/export.csv?niche_id=abc"));

        Assert.Equal("query/status", Location(status.Single()));
        Assert.Equal("uuid_parsing", niche.Single().GetProperty("type").GetString());
    }

    [DatabaseFact]
    public async Task A_good_file_becomes_leads_with_normalised_phones_and_attribution()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-import", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(client);
        var csv = $"{Header},ad_id\r\n"
            + "Айгерим Ахметова,8 (701) 111-22-33,olx,15000,\"Ноутбук, не включается\",OLX Алматы,\r\n"
            + $"Нурлан,+77021112233,whatsapp,\"20 000,50\",,,{ad}\r\n"
            + "'=Дилноза,7051112233,,,,,\r\n";

        var report = await ImportedAsync(client, csv);
        var leads = await LeadsRows.GetAsync(client, "leads");

        Assert.False(report.GetProperty("dry_run").GetBoolean());
        Assert.Equal(3, report.GetProperty("lines").GetInt32());
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal(3, report.GetProperty("lead_ids").GetArrayLength());
        Assert.Equal(0, report.GetProperty("duplicates").GetArrayLength());
        var byName = leads.EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal("+7 701 111 2233", byName["Айгерим Ахметова"].GetProperty("phone").GetString());
        Assert.Equal(campaign, byName["Айгерим Ахметова"].GetProperty("campaign_id").GetString());
        Assert.Equal(niche, byName["Айгерим Ахметова"].GetProperty("niche_id").GetString());
        Assert.Equal("Ноутбук, не включается", byName["Айгерим Ахметова"].GetProperty("notes").GetString());
        Assert.Equal(ad, byName["Нурлан"].GetProperty("ad_id").GetString());
        Assert.Equal(20000.5m, byName["Нурлан"].GetProperty("budget").GetDecimal());
        Assert.Equal("manual", byName["=Дилноза"].GetProperty("source").GetString());
        Assert.Equal("+77051112233", byName["=Дилноза"].GetProperty("phone_e164").GetString());
        Assert.All(leads.EnumerateArray(), l => Assert.Equal("new", l.GetProperty("status").GetString()));
        var stats = await LeadsRows.GetAsync(client, $"campaigns/{campaign}");
        Assert.Equal(2, stats.GetProperty("stats").GetProperty("total_leads").GetInt32());
    }

    [DatabaseFact]
    public async Task A_spreadsheet_file_with_semicolons_a_bom_and_multipart_upload_imports()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-excel", "leads:write");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Name;Phone;Source\r\nЖасур Юсупов;+7 707 444 5566;telegram\r\n")).ToArray();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "leads.csv");

        var report = await FinishedAsync(client, await client.PostAsync("/leads/api/leads/import", form));

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var lead = (await LeadsRows.GetAsync(client, "leads")).EnumerateArray().Single();
        Assert.Equal("Жасур Юсупов", lead.GetProperty("name").GetString());
        Assert.Equal("telegram", lead.GetProperty("source").GetString());
    }

    [DatabaseFact]
    public async Task An_import_is_a_job_of_the_organization_on_the_jobs_list_and_nobody_else_sees_it()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-job", "leads:write");
        var (other, _) = await server.ClientForNewOrganizationAsync("csv-job-other", "leads:write");
        var response = await ImportAsync(client, "name,phone\r\nАлия,+7 701 000 1122\r\n");
        var task = (await response.Content.ReadAsStringAsync()) is var body && response.StatusCode == HttpStatusCode.Accepted
            ? JsonDocument.Parse(body).RootElement.GetProperty("task_id").GetString()! : throw new InvalidOperationException(body);

        var report = await FinishedAsync(client, response);
        var job = (await LeadsRows.JobsAsync(client)).Single(j => j.GetProperty("id").GetString() == task);
        var foreign = await other.GetAsync($"/leads/api/leads/import/{task}");
        var unknown = await client.GetAsync($"/leads/api/leads/import/{Guid.NewGuid()}");
        var notAnId = await client.GetAsync("/leads/api/leads/import/abc");

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal("leads.import", job.GetProperty("kind").GetString());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.DoesNotContain(await LeadsRows.JobsAsync(other), j => j.GetProperty("id").GetString() == task);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("{\"detail\":\"Import not found\"}", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnId.StatusCode);
        Assert.Equal(0, (await LeadsRows.GetAsync(other, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task An_import_whose_worker_died_after_committing_is_finished_by_the_next_attempt_without_duplicates()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("csv-restart", "leads:write");
        var response = await ImportAsync(client, "name,phone\r\nАлия,+7 701 000 1122\r\nИван,+7 702 000 3344\r\n");
        var task = Guid.Parse((await response.ReadJsonAsync()).GetProperty("task_id").GetString()!);
        var first = await FinishedAsync(client, response);
        var leads = await LeadsRows.SnapshotAsync(client);

        // As if the worker had committed the leads and died before marking the job done: running, its lease run out.
        using (var scope = server.Services.CreateScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            Assert.Equal(1, await jobs.Jobs.IgnoreQueryFilters().Where(j => j.Id == task && j.OrganizationId == organization)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.Result, (string?)null)
                    .SetProperty(j => j.LeaseOwner, "dead-worker").SetProperty(j => j.LeaseExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        }
        var again = await Eventually.WaitAsync(async () => await LeadsRows.GetAsync(client, $"leads/import/{task}"),
            job => job.GetProperty("status").GetString() != "running", "the next attempt to end");

        Assert.Equal("succeeded", again.GetProperty("status").GetString());
        Assert.Equal(2, (await LeadsRows.JobsAsync(client)).Single(j => j.Id() == task.ToString()).GetProperty("attempts").GetInt32());
        Assert.Equal(first.GetProperty("lead_ids").ToString(), again.GetProperty("result").GetProperty("lead_ids").ToString());
        Assert.Equal(2, again.GetProperty("result").GetProperty("created").GetInt32());
        Assert.Equal(leads, await LeadsRows.SnapshotAsync(client));
    }

    [DatabaseFact]
    public async Task A_dry_run_reports_what_would_happen_and_stores_nothing()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-dry", "leads:write");
        await LeadsRows.LeadAsync(client, phone: "+7 777 123 4567");
        var before = await LeadsRows.SnapshotAsync(client);
        var csv = "name,phone\r\nАлия,+7 701 000 1122\r\nИван,87771234567\r\n";

        var report = await ImportedAsync(client, csv, "?dry_run=true&skip_duplicates=true");
        var refused = await RefusedAsync(await ImportAsync(client, csv, "?dry_run=true"));

        Assert.True(report.GetProperty("dry_run").GetBoolean());
        Assert.Equal(1, report.GetProperty("valid").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(3, report.GetProperty("duplicates")[0].GetProperty("line").GetInt32());
        Assert.Equal("file/3/phone", Location(refused.Single()));
        Assert.Equal(before, await LeadsRows.SnapshotAsync(client));
    }

    [DatabaseFact]
    public async Task Skipping_duplicates_imports_the_other_lines_and_names_each_duplicate()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-skip", "leads:write");
        var stored = await LeadsRows.LeadAsync(client, phone: "+7 777 123 4567");
        var csv = "name,phone,source,platform_user_id\r\nАлия,+7 701 000 1122,olx,\r\nИван,8 777 123 45 67,olx,\r\nАлия снова,87010001122,olx,\r\nБекзат,,telegram,9001\r\nБекзат 2,,telegram,9001\r\n";

        var report = await ImportedAsync(client, csv, "?skip_duplicates=true");

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var duplicates = report.GetProperty("duplicates").EnumerateArray().ToList();
        Assert.Equal([3, 4, 6], duplicates.Select(d => d.GetProperty("line").GetInt32()));
        Assert.Equal(stored.Id(), duplicates[0].GetProperty("duplicate_of_lead").GetString());
        Assert.Equal(2, duplicates[1].GetProperty("duplicate_of_line").GetInt32());
        Assert.Equal(5, duplicates[2].GetProperty("duplicate_of_line").GetInt32());
        Assert.Equal(3, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
    }

    public static TheoryData<string, string, string, string> BadFiles => new()
    {
        { "bad phone", "name,phone\r\nАлия,+7 701 000 1122\r\nИван,123\r\n", "file/3/phone", "3 digits" },
        { "phone that is text", "name,phone\r\nИван,позвоните мне\r\n", "file/2/phone", "0 digits" },
        { "duplicate in the file", "name,phone\r\nАлия,+7 701 000 1122\r\nАлия,8 701 000 11 22\r\n", "file/3/phone", "already on line 2" },
        { "duplicate of a stored lead", "name,phone\r\nИван,87771234567\r\n", "file/2/phone", "is already lead" },
        { "unknown niche", "name,niche\r\nИван,Аквариумы\r\n", "file/2/niche", "Niche 'Аквариумы' not found" },
        { "unknown campaign", "name,campaign\r\nИван,Kaspi Астана\r\n", "file/2/campaign", "Campaign 'Kaspi Астана' not found" },
        { "unknown campaign id", $"name,campaign_id\r\nИван,{Guid.Empty}\r\n", "file/2/campaign_id", "not found" },
        { "campaign id that is not an id", "name,campaign_id\r\nИван,12\r\n", "file/2/campaign_id", "valid UUID" },
        { "unknown source", "name,source\r\nИван,myspace\r\n", "file/2/source", "Input should be" },
        { "missing name", "name,phone\r\n,+7 701 000 1122\r\n", "file/2/name", "at least 1 character" },
        { "bad budget", "name,budget\r\nИван,пятнадцать\r\n", "file/2/budget", "not an amount" },
        { "negative budget", "name,budget\r\nИван,-5\r\n", "file/2/budget", "greater than or equal to 0" },
        { "too many fields", "name,phone\r\nИван,+7 701 000 1122,лишнее\r\n", "file/2", "3 fields" },
        { "malformed quoting", "name,phone\r\n\"Ив\"ан,+7 701 000 1122\r\n", "file/2", "quoting" },
        { "empty file", "", "file", "empty" },
        { "header only", "name,phone\r\n", "file", "no lead lines" },
        { "wrong header", "fio,telefon\r\nИван,87010001122\r\n", "file/1", "needs a 'name' column" },
        { "unknown column", "name,phone,email\r\nИван,87010001122,a@b.kz\r\n", "file/1", "'email'" },
        { "column twice", "name,name\r\nИван,Иван\r\n", "file/1", "twice" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_by_line_and_changes_nothing(string why, string csv, string location, string message)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-bad-" + why.Replace(' ', '-'), "leads:write");
        await LeadsRows.BasicsAsync(client);
        await LeadsRows.LeadAsync(client, phone: "+7 777 123 4567");
        var before = await LeadsRows.SnapshotAsync(client);

        var problems = await RefusedAsync(await ImportAsync(client, csv));

        var problem = Assert.Single(problems, p => Location(p) == location);
        Assert.Contains(message, problem.GetProperty("msg").GetString());
        Assert.Equal(before, await LeadsRows.SnapshotAsync(client));
    }

    [DatabaseFact]
    public async Task Every_bad_line_is_reported_and_the_good_ones_are_not_stored()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-many-bad", "leads:write");
        var before = await LeadsRows.SnapshotAsync(client);
        var csv = "name,phone,source\r\nАлия,+7 701 000 1122,olx\r\nИван,12345,olx\r\n,+7 702 000 1122,olx\r\nБекзат,+7 705 000 1122,icq\r\n";

        var problems = await RefusedAsync(await ImportAsync(client, csv));

        Assert.Equal(["file/3/phone", "file/4/name", "file/5/source"], problems.Select(Location));
        Assert.Equal(before, await LeadsRows.SnapshotAsync(client));
    }

    [DatabaseFact]
    public async Task A_body_that_is_not_a_csv_file_is_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("csv-not-csv", "leads:write");
        using var json = new StringContent("{\"name\": \"x\"}", Encoding.UTF8, "application/json");
        using var latin = new ByteArrayContent([0x6e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xc0, 0xeb, 0xe8, 0xff, 0x0d, 0x0a]);
        latin.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var noFile = new MultipartFormDataContent { { new StringContent("name\r\nИван\r\n"), "other" } };

        var wrongType = await RefusedAsync(await client.PostAsync("/leads/api/leads/import", json));
        var notUtf8 = await RefusedAsync(await client.PostAsync("/leads/api/leads/import", latin));
        var badFlag = await RefusedAsync(await ImportAsync(client, "name\r\nИван\r\n", "?dry_run=maybe"));
        var missingFile = await RefusedAsync(await client.PostAsync("/leads/api/leads/import", noFile));

        Assert.Contains("multipart/form-data", wrongType.Single().GetProperty("msg").GetString());
        Assert.Contains("UTF-8", notUtf8.Single().GetProperty("msg").GetString());
        Assert.Equal("query/dry_run", Location(badFlag.Single()));
        Assert.Equal("body/file", Location(missingFile.Single()));
        Assert.Equal(0, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task Another_organizations_campaign_is_unknown_and_a_reader_cannot_import()
    {
        var (owner, _) = await server.ClientForNewOrganizationAsync("csv-owner", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(owner);
        await LeadsRows.LeadAsync(owner, phone: "+7 777 123 4567");
        var (other, _) = await server.ClientForNewOrganizationAsync("csv-other", "leads:write");
        var (reader, _) = await server.ClientForNewOrganizationAsync("csv-reader", "leads:read");

        var foreign = await RefusedAsync(await ImportAsync(other, $"name,phone,campaign_id\r\nИван,87771234567,{campaign}\r\n"));
        var byName = await RefusedAsync(await ImportAsync(other, "name,campaign\r\nИван,OLX Алматы\r\n"));
        var forbidden = await ImportAsync(reader, "name\r\nИван\r\n");
        var exported = await other.GetStringAsync("/leads/api/leads/export.csv");

        Assert.Equal("file/2/campaign_id", Location(foreign.Single()));
        Assert.Equal("file/2/campaign", Location(byName.Single()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Single(exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, (await LeadsRows.GetAsync(other, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task An_exported_file_imports_into_an_empty_organization_with_the_same_names()
    {
        var (source, _) = await server.ClientForNewOrganizationAsync("csv-round-a", "leads:write");
        await LeadsRows.PostAsync(source, "leads", new { name = "-Айгерим", phone = "+7 701 111 2233", source = "kaspi", notes = "a,b\n\"c\"", budget = 15000 });
        await LeadsRows.PostAsync(source, "leads", new { name = "Нурлан", source = "telegram", platform_user_id = "777" });
        var exported = await source.GetStringAsync("/leads/api/leads/export.csv");
        var (target, _) = await server.ClientForNewOrganizationAsync("csv-round-b", "leads:write");

        var report = await ImportedAsync(target, exported);

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var copied = (await LeadsRows.GetAsync(target, "leads")).EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal("a,b\n\"c\"", copied["-Айгерим"].GetProperty("notes").GetString());
        Assert.Equal("+7 701 111 2233", copied["-Айгерим"].GetProperty("phone").GetString());
        Assert.Equal("777", copied["Нурлан"].GetProperty("platform_user_id").GetString());
    }
}
