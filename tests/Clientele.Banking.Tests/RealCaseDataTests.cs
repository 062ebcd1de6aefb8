using System.IO.Compression;
using Clientele.Banking.Data.Import;
using Clientele.Banking.Domain;

namespace Clientele.Banking.Tests;

public sealed class RealCaseDataTests(RealCaseData data) : IClassFixture<RealCaseData>
{
    [SkippableFact]
    public void Only_the_csv_files_of_the_folder_itself_are_read()
    {
        data.SkipIfAbsent();

        using var found = BankCaseFiles.FromPaths([data.Folder!], new ImportLimits());
        var files = found.Files;

        Assert.Equal(121, files.Count);
        Assert.Contains(files, f => f.Name == "clients.csv");
        Assert.All(files, f => Assert.EndsWith(".csv", f.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Name == "client_recommendations.csv");
    }

    [SkippableFact]
    public void The_case_parses_without_problems_to_the_documented_counts()
    {
        data.SkipIfAbsent();
        var parsed = data.Parsed;

        Assert.Empty(parsed.Problems);
        Assert.Equal(60, parsed.Clients.Count);
        Assert.Equal(18_000, parsed.Transactions.Count);
        Assert.Equal(18_000, parsed.Transfers.Count);
        Assert.Equal(Enumerable.Range(1, 60), parsed.Clients.Select(c => c.ClientCode).Order());
        Assert.All(Enumerable.Range(1, 60), code =>
        {
            Assert.Equal(300, parsed.Transactions.Count(t => t.ClientCode == code));
            Assert.Equal(300, parsed.Transfers.Count(t => t.ClientCode == code));
        });
    }

    [SkippableFact]
    public void Every_status_is_official_with_the_documented_counts()
    {
        data.SkipIfAbsent();
        var statuses = data.Parsed.Clients.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(data.Parsed.Clients, c => Assert.Contains(c.Status, ClientStatus.Official));
        Assert.Equal(28, statuses[ClientStatus.Salary]);
        Assert.Equal(16, statuses[ClientStatus.Premium]);
        Assert.Equal(13, statuses[ClientStatus.Standard]);
        Assert.Equal(3, statuses[ClientStatus.Student]);
    }

    [SkippableFact]
    public void Dates_span_June_to_August_as_local_times()
    {
        data.SkipIfAbsent();
        var moments = data.Parsed.Transactions.Select(t => t.OccurredAt).Concat(data.Parsed.Transfers.Select(t => t.OccurredAt)).ToList();

        Assert.Equal(new DateTime(2025, 6, 1, 8, 0, 23), moments.Min());
        Assert.Equal(new DateTime(2025, 8, 31, 21, 55, 56), moments.Max());
        Assert.All(moments, m => Assert.Equal(DateTimeKind.Unspecified, m.Kind));
    }

    [SkippableFact]
    public void Client_3s_euro_transactions_are_converted()
    {
        data.SkipIfAbsent();
        var euro = data.Parsed.Transactions.Where(t => t.Currency == "EUR").ToList();

        Assert.Equal(35, euro.Count);
        Assert.All(euro, t => Assert.Equal(3, t.ClientCode));
        Assert.All(euro, t => Assert.Equal(Math.Round(t.Amount * 510m, 2), t.AmountKzt));
        Assert.All(euro, t => Assert.True(t.AmountKzt > t.Amount));
        Assert.All(data.Parsed.Transactions.Where(t => t.Currency != "EUR"), t =>
        {
            Assert.Equal("KZT", t.Currency);
            Assert.Equal(t.Amount, t.AmountKzt);
        });
        Assert.All(data.Parsed.Transfers, t => Assert.Equal(("KZT", t.Amount), (t.Currency, t.AmountKzt)));
    }

    [SkippableFact]
    public void Client_1s_card_spending_profile_matches_the_reference_figures()
    {
        data.SkipIfAbsent();
        var profile = SpendingProfile.Of(data.Parsed.Transactions.Where(t => t.ClientCode == 1).Select(t => (t.Category, t.AmountKzt)));

        Assert.Equal(2626914.27m, profile.Total);
        Assert.Equal(
            [
                new CategoryAmount("Продукты питания", 645267.06m),
                new CategoryAmount("Кафе и рестораны", 518757.59m),
                new CategoryAmount("Путешествия", 275433.72m),
            ],
            profile.Top(3));
    }

    [SkippableFact]
    public void The_same_files_zipped_parse_identically()
    {
        data.SkipIfAbsent();
        using var zipped = new MemoryStream();
        using (var archive = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in Directory.EnumerateFiles(data.Folder!, "*.csv").Order(StringComparer.Ordinal))
            {
                archive.CreateEntryFromFile(path, "bank_case/" + Path.GetFileName(path));
            }
            archive.CreateEntry("__MACOSX/bank_case/._clients.csv");
            archive.CreateEntryFromFile(Path.Combine(data.Folder!, "SOURCE.md"), "bank_case/SOURCE.md");
        }

        using var found = new BankCaseFiles(new ImportLimits());
        Assert.Null(found.AddZip("bank_case.zip", new MemoryStream(zipped.ToArray())));
        var files = found.Files;
        var parsed = CaseFiles.Parser().Parse(files);

        Assert.Equal(121, files.Count);
        Assert.Empty(parsed.Problems);
        Assert.Equal(CaseFiles.Describe(data.Parsed), CaseFiles.Describe(parsed));
    }
}
