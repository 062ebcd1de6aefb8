using System.Globalization;
using System.Text;
using Clientele.Banking.Domain;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Data.Import;

/// <summary>A problem with a line of a file, or with the file (or archive) as a whole when <see cref="WholeFile"/>.</summary>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public bool WholeFile { get; init; }
}

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

    /// <summary>Every row of every file at once; for small sets (tests, demo). Imports stream with <see cref="Read"/>.</summary>
    /// <summary>Problems one import reports at most; reading stops there.</summary>
    public const int MaxProblems = 1000;

    public ParsedBankCase Parse(IEnumerable<BankCaseFile> files)
    {
        var clients = new List<BankClient>();
        var transactions = new List<CardTransaction>();
        var transfers = new List<Transfer>();
        var problems = new List<ImportProblem>();
        foreach (var file in files)
        {
            foreach (var row in Read(file, problems))
            {
                switch (row)
                {
                    case BankClient client:
                        clients.Add(client);
                        break;
                    case CardTransaction transaction:
                        transactions.Add(transaction);
                        break;
                    case Transfer transfer:
                        transfers.Add(transfer);
                        break;
                }
            }
        }
        foreach (var duplicate in clients.GroupBy(c => c.ClientCode).Where(g => g.Count() > 1))
        {
            problems.Add(Duplicate(duplicate.Key, duplicate.Count()));
        }
        return new ParsedBankCase(clients, transactions, transfers, problems);
    }

    public static ImportProblem Duplicate(int clientCode, long times) => new("clients.csv", 0, $"client_code {clientCode} appears {times} times.");

    /// <summary>
    /// The valid rows of one file as they are read (<see cref="BankClient"/>, <see cref="CardTransaction"/> or <see cref="Transfer"/>), one
    /// at a time; problems go to <paramref name="problems"/> by file and line. A line longer than <see cref="ImportLimits.MaxLineBytes"/>
    /// throws <see cref="ImportLimitException"/>, so a file without line breaks is never held whole.
    /// </summary>
    public IEnumerable<object> Read(BankCaseFile file, List<ImportProblem> problems, int maxLineBytes = 64 << 10)
    {
        using var reader = new StreamReader(new ObservedReadStream(file.Open(), LineLimit(file.Name, maxLineBytes)), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
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
            yield break;
        }
        var row = new Row(file.Name, csv, problems);
        (string[] Columns, Func<object?> Read)? kind =
            Has(header, "avg_monthly_balance_KZT") ? (ClientColumns, () => ReadClient(row))
            : Has(header, "category") ? (TransactionColumns, () => ReadTransaction(row))
            : Has(header, "direction") || Has(header, "type") ? (TransferColumns, () => ReadTransfer(row))
            : null;
        if (kind is not var (required, read))
        {
            problems.Add(new ImportProblem(file.Name, 1, "Unknown file: the header has neither avg_monthly_balance_KZT (clients), category (transactions) nor type/direction (transfers)."));
            yield break;
        }
        var missing = required.Where(c => !Has(header, c)).ToList();
        if (missing.Count > 0)
        {
            row.Problem($"Missing column(s): {string.Join(", ", missing)}.", line: 1);
            yield break;
        }
        while (problems.Count < MaxProblems && csv.Read())
        {
            if (csv.Parser.Record is { Length: 1 } only && string.IsNullOrWhiteSpace(only[0]))
            {
                continue;
            }
            if (read() is { } item)
            {
                yield return item;
            }
        }
    }

    private static Action<ReadOnlySpan<byte>> LineLimit(string file, int maxLineBytes)
    {
        var sinceBreak = 0L;
        return bytes =>
        {
            var last = bytes.LastIndexOf((byte)'\n');
            var first = bytes.IndexOf((byte)'\n');
            var longest = last < 0 ? sinceBreak + bytes.Length : Math.Max(sinceBreak + first, bytes.Length - last - 1);
            if (longest > maxLineBytes)
            {
                throw new ImportLimitException(new ImportProblem(file, 0, $"A line is longer than {maxLineBytes} bytes: not a CSV file of the case format.") { WholeFile = true });
            }
            sinceBreak = last < 0 ? sinceBreak + bytes.Length : bytes.Length - last - 1;
        };
    }

    private static bool Has(string[] header, string column) => header.Any(h => h.Equals(column, StringComparison.OrdinalIgnoreCase));

    private static BankClient? ReadClient(Row row)
    {
        var code = row.PositiveInt("client_code");
        var name = row.Text("name", 200);
        var status = row.Status();
        var age = row.Int("age", 0, 150);
        var city = row.Text("city", 100);
        var balance = row.Money("avg_monthly_balance_KZT", allowZero: true);
        return row.Ok && code is { } c && name is not null && status is not null && age is { } a && city is not null && balance is { } b
            ? new BankClient { ClientCode = c, Name = name, Status = status, Age = a, City = city, AvgMonthlyBalanceKzt = b }
            : null;
    }

    private CardTransaction? ReadTransaction(Row row)
    {
        var code = row.PositiveInt("client_code");
        var date = row.Date("date");
        var category = row.Text("category", 100);
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
        var type = row.Text("type", 64);
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
        // numeric(18,2) holds less than 10^16 tenge, also after converting at a rate of up to 1 000.
        private const decimal MaxMoney = 10_000_000_000_000m;

        private int _problemLine;

        public CsvReader Csv => csv;
        public bool Ok => _problemLine != Line;
        private int Line => csv.Parser.RawRow;

        public void Problem(string message, int? line = null)
        {
            _problemLine = line ?? Line;
            problems.Add(new ImportProblem(file, line ?? Line, message));
        }

        public string? Text(string column, int maxLength = 100)
        {
            var value = csv.GetField(column);
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem($"{column} is empty or missing.");
                return null;
            }
            value = value.Trim();
            if (value.Length > maxLength)
            {
                Problem($"{column} is longer than {maxLength} characters.");
                return null;
            }
            return value;
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
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value > 0 || allowZero && value == 0) && value < MaxMoney)
            {
                return Math.Round(value, 2);
            }
            Problem($"{column} must be a {(allowZero ? "non-negative" : "positive")} number below 10 000 000 000 000 with a dot for decimals, not '{text}'.");
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
