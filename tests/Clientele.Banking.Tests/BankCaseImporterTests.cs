using Clientele.Banking.Data.Import;
using Clientele.Banking.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Tests;

public sealed class BankCaseImporterTests
{
    private static readonly Guid OrganizationA = Guid.Parse("0b5a1f3e-0000-4000-8000-00000000000a");
    private static readonly Guid OrganizationB = Guid.Parse("0b5a1f3e-0000-4000-8000-00000000000b");

    [Fact]
    public async Task A_valid_import_stores_everything_and_returns_the_counts()
    {
        using var database = new ImportDatabase();

        var outcome = await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Problems);
        Assert.Equal(new(2, 3, 3), outcome.Imported);
        var db = database.Context(OrganizationA);
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.ClientCode).ToListAsync();
        Assert.Equal([(1, "Айгерим", ClientStatus.Salary, 29, "Алматы", 1250000.50m), (2, "Данияр", ClientStatus.Student, 20, "Астана", 46630m)],
            clients.Select(c => (c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt)));
        Assert.All(clients, c => Assert.Equal(OrganizationA, c.OrganizationId));
        var transactions = await db.Transactions.AsNoTracking().OrderBy(t => t.OccurredAt).ToListAsync();
        Assert.Equal([3619.12m, 10367.47m, 2500m], transactions.Select(t => t.AmountKzt));
        Assert.Equal(new DateTime(2025, 6, 1, 8, 0, 23), transactions[0].OccurredAt);
        Assert.Equal(["Такси", "Продукты питания", "Кино"], transactions.Select(t => t.Category));
        var transfers = await db.Transfers.AsNoTracking().OrderBy(t => t.OccurredAt).ToListAsync();
        Assert.Equal([("salary_in", "in", 650000m), ("stipend_in", "in", 45000m), ("p2p_out", "out", 1500.5m)],
            transfers.Select(t => (t.Type, t.Direction, t.AmountKzt)));
        Assert.All(transfers, t => Assert.Equal(OrganizationA, t.OrganizationId));
    }

    [Fact]
    public async Task Re_importing_a_clients_transactions_replaces_them()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());

        var outcome = await database.ImportAsync(OrganizationA, CaseFiles.Csv("client_1_transactions_3m.csv", $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-08-01 10:00:00,АЗС,20000,KZT
            """));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(new(0, 1, 0), outcome.Imported);
        var db = database.Context(OrganizationA);
        Assert.Equal([20000m], await db.Transactions.Where(t => t.ClientCode == 1).Select(t => t.Amount).ToListAsync());
        Assert.Equal([2500m], await db.Transactions.Where(t => t.ClientCode == 2).Select(t => t.Amount).ToListAsync());
        Assert.Equal(3, await db.Transfers.CountAsync());
        Assert.Equal(2, await db.Clients.CountAsync());
    }

    [Fact]
    public async Task Importing_the_same_set_twice_does_not_duplicate_anything()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());
        var first = await database.SnapshotAsync(OrganizationA);

        var outcome = await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());

        Assert.True(outcome.Succeeded);
        var second = await database.SnapshotAsync(OrganizationA);
        Assert.Equal((2, 3, 3), (second.Clients, second.Transactions, second.Transfers));
        Assert.Equal(first.ClientRows, second.ClientRows);
        Assert.Equal((first.TransactionSum, first.TransferSum), (second.TransactionSum, second.TransferSum));
    }

    [Fact]
    public async Task A_clients_only_re_import_updates_the_client_and_keeps_its_rows()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());
        var before = await database.SnapshotAsync(OrganizationA);

        var outcome = await database.ImportAsync(OrganizationA, CaseFiles.Csv("clients.csv", $"""
            {CaseFiles.ClientsHeader}
            1,Айгерим Н.,вип,30,Астана,2000000
            """));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(new(1, 0, 0), outcome.Imported);
        var db = database.Context(OrganizationA);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.ClientCode == 1);
        Assert.Equal(("Айгерим Н.", ClientStatus.Premium, 30, "Астана", 2000000m), (client.Name, client.Status, client.Age, client.City, client.AvgMonthlyBalanceKzt));
        Assert.Equal(2, await db.Clients.CountAsync());
        var after = await database.SnapshotAsync(OrganizationA);
        Assert.Equal(before.TransactionRows, after.TransactionRows);
        Assert.Equal((before.Transactions, before.Transfers, before.TransactionSum, before.TransferSum), (after.Transactions, after.Transfers, after.TransactionSum, after.TransferSum));
    }

    [Theory]
    [InlineData("clients.csv")]
    [InlineData("transactions")]
    [InlineData("transfers")]
    public async Task One_bad_row_anywhere_stores_nothing_and_leaves_earlier_data_as_it_was(string where)
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());
        var before = await database.SnapshotAsync(OrganizationA);
        var clients = $"""
            {CaseFiles.ClientsHeader}
            1,Айгерим,Премиальный клиент,30,Алматы,999
            2,Данияр,Студент,{(where == "clients.csv" ? "200" : "21")},Астана,46630
            3,Новый,Студент,19,Тараз,100
            """;
        var transactions = $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-08-01 10:00:00,АЗС,20000,KZT
            3,Новый,студент,Тараз,2025-08-01 10:00:00,Кино,{(where == "transactions" ? "-1" : "1")},KZT
            """;
        var transfers = $"""
            {CaseFiles.TransfersHeader}
            2,Данияр,студент,Астана,2025-08-02 06:00:00,stipend_in,{(where == "transfers" ? "inward" : "in")},1,KZT
            """;

        var outcome = await database.ImportAsync(OrganizationA,
            CaseFiles.Csv("clients.csv", clients),
            CaseFiles.Csv("client_1_transactions_3m.csv", transactions),
            CaseFiles.Csv("client_2_transfers_3m.csv", transfers));

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Imported);
        Assert.Single(outcome.Problems);
        Assert.Equal(before, await database.SnapshotAsync(OrganizationA));
    }

    [Fact]
    public async Task A_refused_first_import_stores_nothing()
    {
        using var database = new ImportDatabase();

        var outcome = await database.ImportAsync(OrganizationA,
            CaseFiles.Csv("clients.csv", CaseFiles.Clients),
            CaseFiles.Csv("client_1_transactions_3m.csv", $"""
                {CaseFiles.TransactionsHeader}
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,KZT
                1,Айгерим,зп,Алматы,2025-06-01 08:00:23,Такси,100,XYZ
                """));

        Assert.False(outcome.Succeeded);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("client_1_transactions_3m.csv", 3), (problem.File, problem.Line));
        var after = await database.SnapshotAsync(OrganizationA);
        Assert.Equal((0, 0, 0), (after.Clients, after.Transactions, after.Transfers));
    }

    [Fact]
    public async Task Rows_for_a_client_neither_imported_nor_stored_are_refused()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());
        var before = await database.SnapshotAsync(OrganizationA);

        var outcome = await database.ImportAsync(OrganizationA, CaseFiles.Csv("client_7_transactions_3m.csv", $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-08-01 10:00:00,АЗС,20000,KZT
            7,Кто-то,зп,Алматы,2025-08-01 10:00:00,АЗС,20000,KZT
            """));

        Assert.False(outcome.Succeeded);
        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("7", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync(OrganizationA));
    }

    [Fact]
    public async Task Rows_for_a_stored_client_are_accepted_without_clients_csv()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());

        var outcome = await database.ImportAsync(OrganizationA, CaseFiles.Csv("client_2_transfers_3m.csv", $"""
            {CaseFiles.TransfersHeader}
            2,Данияр,студент,Астана,2025-08-05 06:00:00,atm_withdrawal,out,7000,KZT
            """));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var db = database.Context(OrganizationA);
        Assert.Equal(["atm_withdrawal"], await db.Transfers.Where(t => t.ClientCode == 2).Select(t => t.Type).ToListAsync());
        Assert.Equal(["salary_in"], await db.Transfers.Where(t => t.ClientCode == 1).Select(t => t.Type).ToListAsync());
    }

    [Fact]
    public async Task No_files_are_refused()
    {
        using var database = new ImportDatabase();

        var outcome = await database.ImportAsync(OrganizationA);

        Assert.False(outcome.Succeeded);
        Assert.Single(outcome.Problems);
    }

    [Fact]
    public async Task Another_organization_sees_nothing_of_the_first_ones_data()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());

        var other = await database.SnapshotAsync(OrganizationB);

        Assert.Equal((0, 0, 0), (other.Clients, other.Transactions, other.Transfers));
    }

    [Fact]
    public async Task A_second_organization_importing_the_same_client_codes_does_not_touch_the_first_ones_rows()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());
        var before = await database.SnapshotAsync(OrganizationA);

        var outcome = await database.ImportAsync(OrganizationB,
            CaseFiles.Csv("clients.csv", $"""
                {CaseFiles.ClientsHeader}
                1,Другой,Стандартный клиент,44,Караганда,5
                2,Третий,Стандартный клиент,45,Караганда,6
                """),
            CaseFiles.Csv("client_1_transactions_3m.csv", $"""
                {CaseFiles.TransactionsHeader}
                1,Другой,обычный,Караганда,2025-08-01 10:00:00,АЗС,1,KZT
                2,Третий,обычный,Караганда,2025-08-01 10:00:00,АЗС,2,KZT
                """),
            CaseFiles.Csv("client_2_transfers_3m.csv", $"""
                {CaseFiles.TransfersHeader}
                2,Третий,обычный,Караганда,2025-08-01 10:00:00,p2p_out,out,3,KZT
                """));

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(before, await database.SnapshotAsync(OrganizationA));
        var b = await database.SnapshotAsync(OrganizationB);
        Assert.Equal((2, 2, 1, 3m, 3m), (b.Clients, b.Transactions, b.Transfers, b.TransactionSum, b.TransferSum));
        Assert.Contains("1|Другой|Стандартный клиент|44|Караганда|5", b.ClientRows, StringComparison.Ordinal);
        var all = database.Context(OrganizationA);
        Assert.Equal(4, await all.Clients.IgnoreQueryFilters().CountAsync());
        Assert.Equal(5, await all.Transactions.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Rows_of_another_organization_do_not_count_as_stored_clients()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());

        var outcome = await database.ImportAsync(OrganizationB, CaseFiles.Csv("client_1_transactions_3m.csv", $"""
            {CaseFiles.TransactionsHeader}
            1,Айгерим,зп,Алматы,2025-08-01 10:00:00,АЗС,20000,KZT
            """));

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, (await database.SnapshotAsync(OrganizationA)).Transactions);
    }

    [Fact]
    public async Task A_bad_row_far_into_a_big_file_stores_nothing_and_is_reported_by_its_line()
    {
        using var database = new ImportDatabase();
        await database.ImportAsync(OrganizationA, CaseFiles.ValidCase());
        var before = await database.SnapshotAsync(OrganizationA);
        var rows = Enumerable.Range(0, 200_000).Select(row => $"{1 + row % 2},Айгерим,зп,Алматы,2025-08-01 10:00:00,Кино,{(row == 199_990 ? "abc" : "7.5")},KZT");

        var outcome = await database.ImportAsync(OrganizationA,
            CaseFiles.Csv("clients.csv", CaseFiles.Clients.Replace("1250000.50", "1", StringComparison.Ordinal)),
            CaseFiles.Csv("client_1_transactions_3m.csv", string.Join("\n", [CaseFiles.TransactionsHeader, .. rows])));

        Assert.False(outcome.Succeeded);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("client_1_transactions_3m.csv", 199_992), (problem.File, problem.Line));
        Assert.Contains("amount", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync(OrganizationA));
    }

    [Fact]
    public async Task Clients_imported_twice_in_one_import_are_refused_and_nothing_is_stored()
    {
        using var database = new ImportDatabase();

        var outcome = await database.ImportAsync(OrganizationA,
            CaseFiles.Csv("clients.csv", CaseFiles.Clients),
            CaseFiles.Csv("more_clients.csv", CaseFiles.Clients.Split('\n')[0] + "\n2,Данияр,Студент,20,Астана,1"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(new ImportProblem("clients.csv", 0, "client_code 2 appears 2 times."), Assert.Single(outcome.Problems));
        Assert.Equal(0, (await database.SnapshotAsync(OrganizationA)).Clients);
    }

    [Fact]
    public async Task Rows_written_in_bulk_read_back_exactly_as_parsed()
    {
        using var database = new ImportDatabase();
        var files = CaseFiles.ValidCase();

        await database.ImportAsync(OrganizationA, files);

        var db = database.Context(OrganizationA);
        var parsed = CaseFiles.Parse(files);
        // Decimals compare by value: SQLite keeps their text without trailing zeros, as EF's own SaveChanges writes it.
        Assert.Equal(parsed.Clients.Select(c => (c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt)),
            (await db.Clients.AsNoTracking().OrderBy(c => c.ClientCode).ToListAsync()).Select(c => (c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt)));
        Assert.Equal(parsed.Transactions.Select(t => (t.ClientCode, t.OccurredAt, t.OccurredAt.Kind, t.Category, t.Amount, t.Currency, t.AmountKzt)),
            (await db.Transactions.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(t => (t.ClientCode, t.OccurredAt, t.OccurredAt.Kind, t.Category, t.Amount, t.Currency, t.AmountKzt)));
        Assert.Equal(parsed.Transfers.Select(t => (t.ClientCode, t.OccurredAt, t.Type, t.Direction, t.Amount, t.Currency, t.AmountKzt)),
            (await db.Transfers.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(t => (t.ClientCode, t.OccurredAt, t.Type, t.Direction, t.Amount, t.Currency, t.AmountKzt)));
    }
}
