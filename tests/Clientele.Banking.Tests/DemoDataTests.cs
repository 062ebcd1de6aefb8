using Clientele.Platform.Data;
using System.Diagnostics;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Clientele.Banking.Tests;

public sealed class DemoDataTests(DemoDataTests.FilledBank filled, ITestOutputHelper output) : IClassFixture<DemoDataTests.FilledBank>
{
    private static readonly string[] InTypes =
        ["salary_in", "stipend_in", "family_in", "cashback_in", "refund_in", "card_in", "fx_sell", "invest_in", "gold_sell_in", "deposit_fx_withdraw_in"];

    private static readonly string[] OutTypes =
    [
        "p2p_out", "card_out", "atm_withdrawal", "utilities_out", "loan_payment_out", "cc_repayment_out", "installment_payment_out",
        "fx_buy", "invest_out", "deposit_topup_out", "gold_buy_out", "deposit_fx_topup_out",
    ];

    private static readonly string[] Categories =
    [
        "Кафе и рестораны", "Продукты питания", "Такси", "Едим дома", "Смотрим дома", "Играем дома", "Кино", "АЗС",
        "Косметика и Парфюмерия", "Отели", "Путешествия", "Спорт", "Подарки", "Развлечения", "Ремонт дома", "Мебель",
        "Одежда и обувь", "Ювелирные украшения", "Авто", "Медицина", "Питомцы", "Книги", "Цветы", "Спа и массаж",
    ];

    private static readonly DateTime First = new(2025, 6, 1);
    private static readonly DateTime End = new(2025, 9, 1);

    [Fact]
    public async Task An_empty_database_is_empty_and_a_filled_one_is_not()
    {
        using var bank = new Bank(Guid.NewGuid());
        var demo = new BankingDemoData();

        Assert.Equal("banking", demo.Module);
        Assert.True(await demo.IsEmptyAsync(bank.Services, CancellationToken.None));
        await demo.FillAsync(bank.Services, CancellationToken.None);
        Assert.False(await demo.IsEmptyAsync(bank.Services, CancellationToken.None));
    }

    [Fact]
    public void Sixty_clients_with_official_statuses_and_plausible_profiles()
    {
        output.WriteLine($"FillAsync took {filled.Elapsed.TotalMilliseconds:F0} ms for {filled.Clients.Count} clients, "
            + $"{filled.Transactions.Count} card transactions, {filled.Transfers.Count} transfers");
        var clients = filled.Clients;

        Assert.Equal(Enumerable.Range(1, 60), clients.Select(c => c.ClientCode).Order());
        Assert.All(clients, c => Assert.Contains(c.Status, ClientStatus.Official));
        Assert.All(clients, c => Assert.InRange(c.Age, 18, 65));
        Assert.All(clients.Where(c => c.Status == ClientStatus.Student), c => Assert.InRange(c.Age, 18, 24));
        Assert.All(clients, c => Assert.Equal(Math.Round(c.AvgMonthlyBalanceKzt, 0), c.AvgMonthlyBalanceKzt));
        Assert.All(clients.Where(c => c.Status == ClientStatus.Premium), c => Assert.InRange(c.AvgMonthlyBalanceKzt, 1_000_000m, 6_000_000m));
        Assert.All(clients, c => Assert.False(string.IsNullOrWhiteSpace(c.Name)));
        Assert.Equal(ClientStatus.Official.Order(), clients.Select(c => c.Status).Distinct().Order());
        Assert.True(clients.Count(c => c.City is "Алматы" or "Астана") > clients.Count / 3);
    }

    [Fact]
    public void Card_transactions_are_positive_in_range_and_converted_to_tenge()
    {
        var transactions = filled.Transactions;

        Assert.All(transactions, t => Assert.True(t.Amount > 0 && t.AmountKzt > 0));
        Assert.All(transactions, t => Assert.Equal(Math.Round(t.Amount, 2), t.Amount));
        Assert.All(transactions, t => Assert.Contains(t.Category, Categories));
        Assert.All(transactions, t => Assert.InRange(t.OccurredAt, First, End.AddTicks(-1)));
        Assert.All(transactions, t => Assert.InRange(t.OccurredAt.Hour, 6, 22));
        Assert.All(transactions.Where(t => t.Currency == "KZT"), t => Assert.Equal(t.Amount, t.AmountKzt));

        var foreign = transactions.Where(t => t.Currency != "KZT").ToList();
        Assert.NotEmpty(foreign);
        Assert.All(foreign, t => Assert.Equal(Math.Round(t.Amount * (t.Currency == "USD" ? 470m : 510m), 2), t.AmountKzt));
        Assert.All(foreign, t => Assert.Contains(t.Category, new[] { "Путешествия", "Отели", "Такси" }));

        var perClientMonth = transactions.GroupBy(t => (t.ClientCode, t.OccurredAt.Month)).Select(g => g.Count()).ToList();
        Assert.Equal(60 * 3, perClientMonth.Count);
        Assert.All(perClientMonth, n => Assert.InRange(n, 60, 120));
    }

    [Fact]
    public void Clients_have_different_favourite_categories()
    {
        var favourites = filled.Transactions
            .GroupBy(t => t.ClientCode)
            .Select(g => g.GroupBy(t => t.Category).MaxBy(c => c.Sum(t => t.AmountKzt))!.Key)
            .Distinct()
            .Count();

        Assert.True(favourites >= 4, $"only {favourites} distinct top categories");
    }

    [Fact]
    public void Transfers_have_known_types_directions_and_dates()
    {
        var transfers = filled.Transfers;

        Assert.All(transfers, t => Assert.Equal(InTypes.Contains(t.Type) ? "in" : OutTypes.Contains(t.Type) ? "out" : "unknown type " + t.Type, t.Direction));
        Assert.All(transfers, t => Assert.True(t.Amount > 0));
        Assert.All(transfers, t => Assert.Equal("KZT", t.Currency));
        Assert.All(transfers, t => Assert.Equal(t.Amount, t.AmountKzt));
        Assert.All(transfers, t => Assert.InRange(t.OccurredAt, First, End.AddTicks(-1)));

        var salaried = filled.Clients.Where(c => c.Status == ClientStatus.Salary).Select(c => c.ClientCode).ToHashSet();
        Assert.NotEmpty(salaried);
        var salaries = transfers.Where(t => t.Type == "salary_in").ToList();
        Assert.All(salaries, t => Assert.Contains(t.ClientCode, salaried));
        Assert.Equal(salaried.Count * 3, salaries.Count);

        var perClientMonth = transfers.GroupBy(t => (t.ClientCode, t.OccurredAt.Month)).Select(g => g.Count()).ToList();
        Assert.Equal(60 * 3, perClientMonth.Count);
        Assert.All(perClientMonth, n => Assert.InRange(n, 60, 120));
    }

    [Fact]
    public void Dates_come_back_unspecified_in_kind()
    {
        Assert.All(filled.Transactions.Take(100), t => Assert.Equal(DateTimeKind.Unspecified, t.OccurredAt.Kind));
        Assert.All(filled.Transfers.Take(100), t => Assert.Equal(DateTimeKind.Unspecified, t.OccurredAt.Kind));
    }

    [Fact]
    public async Task Filling_two_fresh_databases_gives_identical_data()
    {
        using var other = new Bank(Guid.NewGuid());
        await new BankingDemoData().FillAsync(other.Services, CancellationToken.None);
        var (clients, transactions, transfers) = await other.LoadAsync();

        Assert.Equal(Summary(filled.Clients, filled.Transactions, filled.Transfers), Summary(clients, transactions, transfers));
        Assert.Equal(
            filled.Transactions.Select(t => (t.ClientCode, t.OccurredAt, t.Category, t.Amount, t.Currency, t.AmountKzt)).Order(),
            transactions.Select(t => (t.ClientCode, t.OccurredAt, t.Category, t.Amount, t.Currency, t.AmountKzt)).Order());
        Assert.Equal(
            filled.Transfers.Select(t => (t.ClientCode, t.OccurredAt, t.Type, t.Amount)).Order(),
            transfers.Select(t => (t.ClientCode, t.OccurredAt, t.Type, t.Amount)).Order());
    }

    [Fact]
    public async Task Rows_carry_the_tenant_organization_and_are_invisible_to_others()
    {
        var all = filled.Bank.Context;
        Assert.All(await all.Clients.IgnoreQueryFilters().Select(c => c.OrganizationId).Distinct().ToListAsync(), id => Assert.Equal(filled.Organization, id));
        Assert.All(await all.Transactions.IgnoreQueryFilters().Select(t => t.OrganizationId).Distinct().ToListAsync(), id => Assert.Equal(filled.Organization, id));
        Assert.All(await all.Transfers.IgnoreQueryFilters().Select(t => t.OrganizationId).Distinct().ToListAsync(), id => Assert.Equal(filled.Organization, id));
        Assert.NotEqual(Guid.Empty, filled.Organization);

        using var stranger = new Bank(Guid.NewGuid(), filled.Bank.Connection);
        Assert.True(await new BankingDemoData().IsEmptyAsync(stranger.Services, CancellationToken.None));
        Assert.Empty(await stranger.Context.Transactions.ToListAsync());
    }

    private static List<(int, string, string, int, string, decimal, int, decimal, int, decimal)> Summary(
        List<BankClient> clients, List<CardTransaction> transactions, List<Transfer> transfers) =>
        clients.OrderBy(c => c.ClientCode).Select(c => (
            c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt,
            transactions.Count(t => t.ClientCode == c.ClientCode), transactions.Where(t => t.ClientCode == c.ClientCode).Sum(t => t.AmountKzt),
            transfers.Count(t => t.ClientCode == c.ClientCode), transfers.Where(t => t.ClientCode == c.ClientCode).Sum(t => t.AmountKzt)))
        .ToList();

    /// <summary>A banking database on in-memory SQLite, reached through a service provider scoped to one organization.</summary>
    public sealed class Bank : IDisposable
    {
        private readonly bool ownsConnection;
        private readonly ServiceProvider provider;

        public Bank(Guid organization, SqliteConnection? shared = null)
        {
            ownsConnection = shared is null;
            Connection = shared ?? new SqliteConnection("Data Source=:memory:");
            if (ownsConnection)
            {
                Connection.Open();
            }
            var tenant = new TenantContext();
            tenant.Use(organization);
            Context = new BankingDbContext(new DbContextOptionsBuilder<BankingDbContext>().UseModuleDatabase(Connection, "banking").Options) { Tenant = tenant };
            Context.Database.EnsureCreated();
            var services = new ServiceCollection();
            services.AddSingleton(tenant);
            services.AddSingleton<BankingDbContext>(Context);
            provider = services.BuildServiceProvider();
        }

        public SqliteConnection Connection { get; }

        public BankingDbContext Context { get; }

        public IServiceProvider Services => provider;

        public async Task<(List<BankClient>, List<CardTransaction>, List<Transfer>)> LoadAsync() =>
            (await Context.Clients.AsNoTracking().ToListAsync(),
             await Context.Transactions.AsNoTracking().ToListAsync(),
             await Context.Transfers.AsNoTracking().ToListAsync());

        public void Dispose()
        {
            provider.Dispose();
            Context.Dispose();
            if (ownsConnection)
            {
                Connection.Dispose();
            }
        }
    }

    /// <summary>One database filled once and shared by the read-only checks.</summary>
    public sealed class FilledBank : IAsyncLifetime
    {
        public Guid Organization { get; } = Guid.NewGuid();

        public Bank Bank { get; private set; } = null!;

        public TimeSpan Elapsed { get; private set; }

        public List<BankClient> Clients { get; private set; } = [];

        public List<CardTransaction> Transactions { get; private set; } = [];

        public List<Transfer> Transfers { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Bank = new Bank(Organization);
            var watch = Stopwatch.StartNew();
            await new BankingDemoData().FillAsync(Bank.Services, CancellationToken.None);
            Elapsed = watch.Elapsed;
            (Clients, Transactions, Transfers) = await Bank.LoadAsync();
        }

        public Task DisposeAsync()
        {
            Bank?.Dispose();
            return Task.CompletedTask;
        }
    }
}
