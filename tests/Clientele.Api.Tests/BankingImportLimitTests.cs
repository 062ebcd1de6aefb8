using System.IO.Compression;
using System.Net;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>A server whose imports may unpack 8 MiB from at most 5 files, so bombs and floods stay small in the test.</summary>
public class SmallImportServer : ClienteleFactory
{
    public const int MaxUnpackedBytes = 8 << 20;

    public SmallImportServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Banking:Import:MaxUnpackedBytes"] = MaxUnpackedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Clientele:Banking:Import:MaxFiles"] = "5";
    }
}

/// <summary>Archives that unpack too much, lie, hold too many files or are broken: 422 in FastAPI's shape, nothing stored.</summary>
public class BankingImportLimitTests(DatabaseServers<SmallImportServer> servers) : IClassFixture<DatabaseServers<SmallImportServer>>
{
    private readonly SmallImportServer server = servers.Current;

    [DatabaseFact]
    public async Task A_zip_of_zeros_is_422_at_its_first_long_line_and_stores_nothing()
    {
        var (client, before) = await ImportedAsync();
        // 4 MiB of zeros declares less than the allowance; unpacking stops at the first 64 KiB without a line break.
        var bomb = Zip(("clients.csv", 4 << 20, (byte)0));

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("bomb.zip", bomb)]));

        var problem = await RefusedAsync(response);
        Assert.Equal(["file", "clients.csv"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("longer than 65536 bytes", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(client));
    }

    [DatabaseFact]
    public async Task A_zip_bomb_of_line_breaks_that_declares_its_size_is_422_before_unpacking()
    {
        var (client, before) = await ImportedAsync();
        var bomb = Zip(("client_1_transactions_3m.csv", 64 << 20, (byte)'\n'));

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("bomb.zip", bomb)]));

        var problem = await RefusedAsync(response);
        Assert.Equal(["file", "bomb.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Unpacks to more than 8 MiB.", problem.GetProperty("msg").GetString());
        Assert.Equal(before, await StoredAsync(client));
    }

    [DatabaseFact]
    public async Task Entries_that_lie_about_their_size_never_unpack_past_the_allowance()
    {
        var (client, before) = await ImportedAsync();
        var bomb = Zip(("a.csv", 6 << 20, (byte)'\n'), ("b.csv", 6 << 20, (byte)'\n'));
        // Each entry declares 6 MiB (12 in all, over the 8 allowed) in its local header and the central directory: make them say 1 KiB.
        foreach (var (signature, offset) in new[] { ((byte)0x03, 22), ((byte)0x01, 24) })
        {
            var at = 0;
            while (bomb.AsSpan(at).IndexOf([(byte)0x50, (byte)0x4b, signature, (byte)(signature + 1)]) is var found and >= 0)
            {
                at += found;
                BitConverter.TryWriteBytes(bomb.AsSpan(at + offset, 4), 1024u);
                at += 4;
            }
        }

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("lying.zip", bomb)]));

        await RefusedAsync(response);
        Assert.Equal(before, await StoredAsync(client));
    }

    [DatabaseFact]
    public async Task More_csv_files_in_a_zip_than_allowed_is_422()
    {
        var (client, before) = await ImportedAsync();
        var zip = Zip(Enumerable.Range(1, 6).Select(code => ($"client_{code}_transfers_3m.csv", 10, (byte)'\n')).ToArray());

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("many.zip", zip)]));

        var problem = await RefusedAsync(response);
        Assert.Equal(["file", "many.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Holds 6 CSV files; one import takes at most 5.", problem.GetProperty("msg").GetString());
        Assert.Equal(before, await StoredAsync(client));
    }

    [DatabaseFact]
    public async Task A_truncated_zip_is_422_not_a_500()
    {
        var (client, before) = await ImportedAsync();
        var zip = TextZip(("clients.csv", CaseUpload.TwoClients));

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("cut.zip", zip[..(zip.Length / 2)])]));

        var problem = await RefusedAsync(response);
        Assert.Equal(["file", "cut.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Not a valid .zip archive.", problem.GetProperty("msg").GetString());
        Assert.Equal(before, await StoredAsync(client));
    }

    [DatabaseFact]
    public async Task A_zip_whose_compressed_data_is_broken_is_422_not_a_500()
    {
        var (client, before) = await ImportedAsync();
        var zip = TextZip(("clients.csv", CaseUpload.TwoClients.Replace("92643", "1", StringComparison.Ordinal)));
        // The entry's deflate data starts after the 30-byte local header and its name; 0xFF there is a reserved block type.
        zip.AsSpan(30 + "clients.csv".Length, 8).Fill(0xFF);

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("broken.zip", zip)]));

        var problem = await RefusedAsync(response);
        Assert.Equal(["file", "broken.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.StartsWith("Not a valid .zip archive", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(client));
    }

    [DatabaseFact]
    public async Task A_large_plain_csv_upload_imports_every_row()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        var clients = new StringBuilder(CaseUpload.TwoClients.Split('\n')[0] + "\n");
        var transactions = new StringBuilder("client_code,date,category,amount,currency\n");
        for (var code = 1; code <= 2_000; code++)
        {
            clients.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},Клиент {code},Студент,20,Алматы,{code}.50\n");
            for (var row = 0; row < 100; row++)
            {
                transactions.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},2025-08-{1 + row % 28:00} 10:{row % 60:00}:00,Кафе и рестораны,{row + 1}.25,KZT\n");
            }
        }

        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", clients.ToString()), ("transactions.csv", transactions.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadJsonAsync();
        Assert.Equal((2_000, 200_000, 0), (summary.GetProperty("clients").GetInt32(), summary.GetProperty("transactions").GetInt32(), summary.GetProperty("transfers").GetInt32()));
        var profile = await (await client.GetAsync("/banking/api/clients/2000")).ReadJsonAsync();
        Assert.Equal(Enumerable.Range(1, 100).Sum(amount => amount + 0.25m), profile.GetProperty("total_spending_3m").GetDecimal());
    }

    [DatabaseFact]
    public async Task A_bad_row_far_into_a_big_file_stores_nothing_and_is_reported_by_line()
    {
        var (client, before) = await ImportedAsync();
        var transactions = new StringBuilder("client_code,date,category,amount,currency\n");
        for (var row = 0; row < 60_000; row++)
        {
            transactions.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1 + row % 2},2025-08-01 10:00:00,Кино,{(row == 59_990 ? "-1" : "5")},KZT\n");
        }

        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("big.csv", transactions.ToString())));

        var problem = await RefusedAsync(response);
        Assert.Equal(["file", "big.csv", "59992"], problem.GetProperty("loc").EnumerateArray().Select(l => l.ToString()));
        Assert.Equal(before, await StoredAsync(client));
    }

    private async Task<(HttpClient Client, string Stored)> ImportedAsync()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        var first = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("t.csv", CaseUpload.ClientOneTransactions)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        return (client, await StoredAsync(client));
    }

    private static async Task<string> StoredAsync(HttpClient client) =>
        await (await client.GetAsync("/banking/api/clients")).Content.ReadAsStringAsync() + await (await client.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync();

    private static async Task<System.Text.Json.JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("import_error", problem.GetProperty("type").GetString());
        return problem;
    }

    /// <summary>A zip of entries made of one byte repeated, written in chunks so the test never holds the unpacked bytes.</summary>
    private static byte[] Zip(params (string Name, int Bytes, byte Value)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var chunk = new byte[1 << 16];
            foreach (var (name, bytes, value) in entries)
            {
                Array.Fill(chunk, value);
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                for (var written = 0; written < bytes; written += chunk.Length)
                {
                    entry.Write(chunk, 0, Math.Min(chunk.Length, bytes - written));
                }
            }
        }
        return zip.ToArray();
    }

    private static byte[] TextZip(params (string Name, string Text)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return zip.ToArray();
    }
}
