using System.Globalization;
using System.Text;
using Clientele.Banking.Domain;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Data.Import;

public sealed record ImportProblem(string File, int Line, string Message);

public sealed record ParsedBankCase(
    IReadOnlyList<BankClient> Clients,
    IReadOnlyList<CardTransaction> Transactions,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Reads the case format (clients.csv, client_N_transactions_3m.csv, client_N_transfers_3m.csv), telling files apart by
/// their header. Accepts a BOM, CRLF and extra columns; maps slang statuses; converts foreign amounts to tenge.
/// </summary>
public sealed class BankCaseParser(IOptions<BankingOptions> configured)
{
    private static readonly string[] ClientColumns = ["client_code", "name", "status", "age", "city", "avg_monthly_balance_KZT"];
    private static readonly string[] TransactionColumns = ["client_code", "date", "category", "amount", "currency"];
    private static readonly string[] TransferColumns = ["client_code", "date", "type", "direction", "amount", "currency"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public ParsedBankCase Parse(IEnumerable<BankCaseFile> files)
    {
        var clients = new List<BankClient>();
        var transactions = new List<CardTransaction>();
        var transfers = new List<Transfer>();
        var problems = new List<ImportProblem>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file.Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                TrimOptions = TrimOptions.Trim,
                BadDataFound = null,
                MissingFieldFound = null,
                PrepareHeaderForMatch = args => args.Header.ToLowerInvariant(),
            });
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                problems.Add(new ImportProblem(file.Name, 1, "The file is empty; a header row is expected."));
                continue;
            }
            var row = new Row(file.Name, csv, problems);
            if (Has(header, "avg_monthly_balance_KZT"))
            {
                ReadAll(row, header, ClientColumns, () => ReadClient(row), clients);
            }
            else if (Has(header, "category"))
            {
                ReadAll(row, header, TransactionColumns, () => ReadTransaction(row), transactions);
            }
            else if (Has(header, "direction") || Has(header, "type"))
            {
                ReadAll(row, header, TransferColumns, () => ReadTransfer(row), transfers);
            }
            else
            {
                problems.Add(new ImportProblem(file.Name, 1, "Unknown file: the header has neither avg_monthly_balance_KZT (clients), category (transactions) nor type/direction (transfers)."));
            }
        }
        foreach (var duplicate in clients.GroupBy(c => c.ClientCode).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem("clients.csv", 0, $"client_code {duplicate.Key} appears {duplicate.Count()} times."));
        }
        return new ParsedBankCase(clients, transactions, transfers, problems);
    }

    private static bool Has(string[] header, string column) => header.Any(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));

    private static void ReadAll<T>(Row row, string[] header, string[] required, Func<T?> read, List<T> into) where T : class
    {
        var missing = required.Where(c => !Has(header, c)).ToList();
        if (missing.Count > 0)
        {
            row.Problem($"Missing column(s): {string.Join(", ", missing)}.", line: 1);
            return;
        }
        while (row.Csv.Read())
        {
            if (row.Csv.Parser.Record is { Length: 1 } only && string.IsNullOrWhiteSpace(only[0]))
            {
                continue;
            }
            if (read() is { } item)
            {
                into.Add(item);
            }
        }
    }

    private static BankClient? ReadClient(Row row)
    {
        var code = row.PositiveInt("client_code");
        var name = row.Text("name");
        var status = row.Status();
        var age = row.Int("age", 0, 150);
        var city = row.Text("city");
        var balance = row.Money("avg_monthly_balance_KZT", allowZero: true);
        return row.Ok && code is { } c && name is not null && status is not null && age is { } a && city is not null && balance is { } b
            ? new BankClient { ClientCode = c, Name = name, Status = status, Age = a, City = city, AvgMonthlyBalanceKzt = b }
            : null;
    }

    private CardTransaction? ReadTransaction(Row row)
    {
        var code = row.PositiveInt("client_code");
        var date = row.Date("date");
        var category = row.Text("category");
        var amount = row.Money("amount", allowZero: false);
        var (currency, rate) = Currency(row);
        return row.Ok && code is { } c && date is { } d && category is not null && amount is { } m && currency is not null
            ? new CardTransaction { ClientCode = c, OccurredAt = d, Category = category, Amount = m, Currency = currency, AmountKzt = Math.Round(m * rate, 2) }
            : null;
    }

    private Transfer? ReadTransfer(Row row)
    {
        var code = row.PositiveInt("client_code");
        var date = row.Date("date");
        var type = row.Text("type");
        var direction = row.Text("direction")?.ToLowerInvariant();
        if (direction is not null and not ("in" or "out"))
        {
            row.Problem($"direction must be 'in' or 'out', not '{direction}'.");
        }
        var amount = row.Money("amount", allowZero: false);
        var (currency, rate) = Currency(row);
        return row.Ok && code is { } c && date is { } d && type is not null && direction is not null && amount is { } m && currency is not null
            ? new Transfer { ClientCode = c, OccurredAt = d, Type = type, Direction = direction, Amount = m, Currency = currency, AmountKzt = Math.Round(m * rate, 2) }
            : null;
    }

    private (string? Code, decimal Rate) Currency(Row row)
    {
        var code = row.Text("currency")?.ToUpperInvariant();
        if (code is null)
        {
            return (null, 0);
        }
        if (configured.Value.TengePer(code) is { } rate)
        {
            return (code, rate);
        }
        row.Problem($"Unknown currency '{code}'; configure its rate as Clientele:Banking:ExchangeRates:{code}.");
        return (null, 0);
    }

    /// <summary>One record being read: typed field access that records a problem (file, line) instead of throwing.</summary>
    private sealed class Row(string file, CsvReader csv, List<ImportProblem> problems)
    {
        private int _problemLine;

        public CsvReader Csv => csv;
        public bool Ok => _problemLine != Line;
        private int Line => csv.Parser.RawRow;

        public void Problem(string message, int? line = null)
        {
            _problemLine = line ?? Line;
            problems.Add(new ImportProblem(file, line ?? Line, message));
        }

        public string? Text(string column)
        {
            var value = csv.GetField(column);
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem($"{column} is empty or missing.");
                return null;
            }
            return value.Trim();
        }

        public int? PositiveInt(string column) => Int(column, 1, int.MaxValue);

        public int? Int(string column, int min, int max)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value >= min && value <= max)
            {
                return (int)value;
            }
            Problem($"{column} must be a whole number from {min} to {max}, not '{text}'.");
            return null;
        }

        public decimal? Money(string column, bool allowZero)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value > 0 || allowZero && value == 0))
            {
                return Math.Round(value, 2);
            }
            Problem($"{column} must be a {(allowZero ? "non-negative" : "positive")} number with a dot for decimals, not '{text}'.");
            return null;
        }

        public DateTime? Date(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }
            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            }
            Problem($"{column} must look like 2025-06-01 08:00:23, not '{text}'.");
            return null;
        }

        public string? Status()
        {
            var text = Text("status");
            if (text is null)
            {
                return null;
            }
            var status = ClientStatus.Normalize(text);
            if (status is null)
            {
                Problem($"Unknown status '{text}'; expected one of {string.Join(", ", ClientStatus.Official)} (or зп, вип, обычный, студент).");
            }
            return status;
        }
    }
}
