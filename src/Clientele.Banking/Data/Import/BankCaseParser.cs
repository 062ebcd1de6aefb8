using System.Globalization;
using System.Text;
using Clientele.Banking.Domain;
using Microsoft.Extensions.Options;
using nietras.SeparatedValues;

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
        using var text = new StreamReader(new ObservedReadStream(file.Open(), LineLimit(file.Name, maxLineBytes)), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        // Columns are found by name in the first row here: Sep's own header map refuses repeated or blank names, which extra columns may have.
        using var csv = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true, Trim = SepTrim.All }).From(text);
        var row = new Row(file.Name, csv, problems);
        if (!row.NextNonBlank())
        {
            problems.Add(new ImportProblem(file.Name, 1, "The file is empty; a header row is expected."));
            yield break;
        }
        var header = row.Header();
        (string[] Columns, Func<Row, int[], object?> Read)? kind =
            Has(header, "avg_monthly_balance_KZT") ? (ClientColumns, ReadClient)
            : Has(header, "category") ? (TransactionColumns, ReadTransaction)
            : Has(header, "direction") || Has(header, "type") ? (TransferColumns, ReadTransfer)
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
        var columns = required.Select(c => Array.FindIndex(header, h => h.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        while (problems.Count < MaxProblems && row.NextNonBlank())
        {
            if (read(row, columns) is { } item)
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

    // The columns arrive in the order of ClientColumns, TransactionColumns and TransferColumns.
    private static BankClient? ReadClient(Row row, int[] columns)
    {
        var code = row.PositiveInt(columns[0], "client_code");
        var name = row.Text(columns[1], "name", 200);
        var status = row.Status(columns[2]);
        var age = row.Int(columns[3], "age", 0, 150);
        var city = row.Text(columns[4], "city", 100);
        var balance = row.Money(columns[5], "avg_monthly_balance_KZT", allowZero: true);
        return row.Ok && code is { } c && name is not null && status is not null && age is { } a && city is not null && balance is { } b
            ? new BankClient { ClientCode = c, Name = name, Status = status, Age = a, City = city, AvgMonthlyBalanceKzt = b }
            : null;
    }

    private CardTransaction? ReadTransaction(Row row, int[] columns)
    {
        var code = row.PositiveInt(columns[0], "client_code");
        var date = row.Date(columns[1], "date");
        var category = row.Word(columns[2], "category", 100);
        var amount = row.Money(columns[3], "amount", allowZero: false);
        var (currency, rate) = Currency(row, columns[4]);
        return row.Ok && code is { } c && date is { } d && category is not null && amount is { } m && currency is not null
            ? new CardTransaction { ClientCode = c, OccurredAt = d, Category = category, Amount = m, Currency = currency, AmountKzt = Math.Round(m * rate, 2) }
            : null;
    }

    private Transfer? ReadTransfer(Row row, int[] columns)
    {
        var code = row.PositiveInt(columns[0], "client_code");
        var date = row.Date(columns[1], "date");
        var type = row.Word(columns[2], "type", 64);
        var direction = row.Word(columns[3], "direction", 100, lowerCase: true);
        if (direction is not null and not ("in" or "out"))
        {
            row.Problem($"direction must be 'in' or 'out', not '{direction}'.");
        }
        var amount = row.Money(columns[4], "amount", allowZero: false);
        var (currency, rate) = Currency(row, columns[5]);
        return row.Ok && code is { } c && date is { } d && type is not null && direction is not null && amount is { } m && currency is not null
            ? new Transfer { ClientCode = c, OccurredAt = d, Type = type, Direction = direction, Amount = m, Currency = currency, AmountKzt = Math.Round(m * rate, 2) }
            : null;
    }

    private (string? Code, decimal Rate) Currency(Row row, int column)
    {
        var code = row.Word(column, "currency", 100, upperCase: true);
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

    /// <summary>
    /// The record being read: typed field access from the field's characters (no string unless the value is kept) that records a
    /// problem (file, line) instead of throwing.
    /// </summary>
    private sealed class Row(string file, SepReader csv, List<ImportProblem> problems)
    {
        // numeric(18,2) holds less than 10^16 tenge, also after converting at a rate of up to 1 000.
        private const decimal MaxMoney = 10_000_000_000_000m;

        // Categories, currencies, statuses, types and directions repeat on every row: one string each per file. A file of
        // ever new values is not the case format; past MaxWords they are simply not shared, so memory stays flat.
        private const int MaxWords = 4096;

        private readonly Dictionary<string, string> words = [];
        private readonly Dictionary<string, string?> statuses = [];
        private int _problemLine;
        private int _line;

        public bool Ok => _problemLine != _line;

        /// <summary>Moves to the next record that is not a blank line.</summary>
        public bool NextNonBlank()
        {
            while (csv.MoveNext())
            {
                var current = csv.Current;
                _line = current.LineNumberToExcl - 1;
                if (current.ColCount > 1 || !current[0].Span.IsWhiteSpace())
                {
                    return true;
                }
            }
            return false;
        }

        public string[] Header()
        {
            var current = csv.Current;
            var names = new string[current.ColCount];
            for (var index = 0; index < names.Length; index++)
            {
                names[index] = current[index].Span.Trim().ToString();
            }
            return names;
        }

        public void Problem(string message, int? line = null)
        {
            _problemLine = line ?? _line;
            problems.Add(new ImportProblem(file, line ?? _line, message));
        }

        private ReadOnlySpan<char> Field(int column)
        {
            var current = csv.Current;
            return column < current.ColCount ? current[column].Span.Trim() : [];
        }

        private bool Present(ReadOnlySpan<char> value, string column, int maxLength)
        {
            if (value.IsEmpty)
            {
                Problem($"{column} is empty or missing.");
                return false;
            }
            if (value.Length > maxLength)
            {
                Problem($"{column} is longer than {maxLength} characters.");
                return false;
            }
            return true;
        }

        public string? Text(int column, string name, int maxLength = 100)
        {
            var value = Field(column);
            return Present(value, name, maxLength) ? value.ToString() : null;
        }

        /// <summary>A value that repeats from row to row, as one shared string (optionally in lower or upper case).</summary>
        public string? Word(int column, string name, int maxLength, bool lowerCase = false, bool upperCase = false)
        {
            var value = Field(column);
            if (!Present(value, name, maxLength))
            {
                return null;
            }
            var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(value, out var word))
            {
                word = value.ToString();
                word = lowerCase ? word.ToLowerInvariant() : upperCase ? word.ToUpperInvariant() : word;
                if (words.Count < MaxWords)
                {
                    lookup[value] = word;
                }
            }
            return word;
        }

        public int? PositiveInt(int column, string name) => Int(column, name, 1, int.MaxValue);

        public int? Int(int column, string name, int min, int max)
        {
            var text = Field(column);
            if (!Present(text, name, 100))
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) && whole >= min && whole <= max)
            {
                return whole;
            }
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value) && value >= min && value <= max)
            {
                return (int)value;
            }
            Problem($"{name} must be a whole number from {min} to {max}, not '{text}'.");
            return null;
        }

        public decimal? Money(int column, string name, bool allowZero)
        {
            var text = Field(column);
            if (!Present(text, name, 100))
            {
                return null;
            }
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value > 0 || allowZero && value == 0) && value < MaxMoney)
            {
                return Math.Round(value, 2);
            }
            Problem($"{name} must be a {(allowZero ? "non-negative" : "positive")} number below 10 000 000 000 000 with a dot for decimals, not '{text}'.");
            return null;
        }

        public DateTime? Date(int column, string name)
        {
            var text = Field(column);
            if (!Present(text, name, 100))
            {
                return null;
            }
            if ((text.Length == 19 && DateText.TryParse(text, out var value)) || DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            {
                return DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            }
            Problem($"{name} must look like 2025-06-01 08:00:23, not '{text}'.");
            return null;
        }

        public string? Status(int column)
        {
            var text = Field(column);
            if (!Present(text, "status", 100))
            {
                return null;
            }
            var lookup = statuses.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(text, out var status))
            {
                lookup[text] = status = ClientStatus.Normalize(text.ToString());
            }
            if (status is null)
            {
                Problem($"Unknown status '{text}'; expected one of {string.Join(", ", ClientStatus.Official)} (or зп, вип, обычный, студент).");
            }
            return status;
        }
    }
}
