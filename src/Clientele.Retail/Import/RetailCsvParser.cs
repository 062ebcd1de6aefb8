using System.Globalization;
using System.Text;
using Clientele.Retail.Customers;
using Clientele.Retail.Products;
using Clientele.Retail.Sales;
using Clientele.Retail.Shared;
using Clientele.Retail.Timeframe;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clientele.Retail.Import;

public sealed record ImportProblem(string File, int Line, string Message);

/// <summary>A row read from a file, with where it came from for problems found later (references, the amount rule).</summary>
public sealed record Located<T>(string File, int Line, T Row);

public sealed class RetailCsvData
{
    public List<Located<Product>> Products { get; } = [];
    public List<Located<Customer>> Customers { get; } = [];
    public List<Located<TimeframeDay>> Timeframe { get; } = [];
    public List<Located<RetailTransaction>> Transactions { get; } = [];
    public List<Located<Sale>> Sales { get; } = [];
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Files whose header names none of the tables (seed 001's baseline_rules.csv beside the tables): left out, and said so.</summary>
    public List<string> Skipped { get; } = [];

    public int Rows => Products.Count + Customers.Count + Timeframe.Count + Transactions.Count + Sales.Count;
}

/// <summary>
/// Reads Clustr's five tables from CSV files, telling them apart by their header and mapping columns by name (so
/// customers.csv may have phone before email, and extra columns are ignored). Each row goes through the same checks as the
/// API's body; a problem names the file, the line and the column.
/// </summary>
public static class RetailCsvParser
{
    private enum Table { Products, Customers, Timeframe, Transactions, Sales }

    private static readonly Dictionary<Table, string[]> Required = new()
    {
        [Table.Products] = ["product_sku", "product_name", "category", "brand", "price"],
        [Table.Customers] = ["customer_id", "first_name", "last_name", "gender", "age", "dob", "email", "phone", "city", "income_level", "shopping_preference"],
        [Table.Timeframe] = ["time_id", "date"],
        [Table.Transactions] = ["transaction_id", "customer_id", "time_id", "transaction_amount", "channel", "payment_type"],
        [Table.Sales] = ["sale_id", "transaction_id", "product_sku", "quantity", "unit_price"],
    };

    public static RetailCsvData Parse(IEnumerable<RetailCsvFile> files, DateOnly today)
    {
        var data = new RetailCsvData();
        foreach (var file in files)
        {
            ParseInto(data, file, today);
        }
        return data;
    }

    /// <summary>Adds one file's rows (or its problems) to <paramref name="data"/>.</summary>
    public static void ParseInto(RetailCsvData data, RetailCsvFile file, DateOnly today)
    {
        using var reader = new StreamReader(new MemoryStream(file.Content), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            data.Problems.Add(new ImportProblem(file.Name, 1, "The file is empty; a header row is expected."));
            return;
        }
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        if (TableOf(columns) is not { } table)
        {
            data.Skipped.Add(file.Name);
            return;
        }
        var missing = Required[table].Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            data.Problems.Add(new ImportProblem(file.Name, 1, $"Missing column(s) for {table.ToString().ToLowerInvariant()}: {string.Join(", ", missing)}."));
            return;
        }
        var row = new Row(file.Name, csv, columns, data.Problems);
        while (csv.Read())
        {
            if (csv.Parser.Record is { Length: 1 } only && string.IsNullOrWhiteSpace(only[0]))
            {
                continue;
            }
            row.Start();
            switch (table)
            {
                case Table.Products: ReadProduct(row, data); break;
                case Table.Customers: ReadCustomer(row, data, today); break;
                case Table.Timeframe: ReadTimeframe(row, data); break;
                case Table.Transactions: ReadTransaction(row, data); break;
                case Table.Sales: ReadSale(row, data); break;
            }
        }
    }

    private static Table? TableOf(HashSet<string> columns) =>
        columns.Contains("sale_id") || columns.Contains("quantity") ? Table.Sales
        : columns.Contains("transaction_amount") ? Table.Transactions
        : columns.Contains("first_name") || columns.Contains("last_name") ? Table.Customers
        : columns.Contains("product_name") ? Table.Products
        : columns.Contains("time_id") && columns.Contains("date") ? Table.Timeframe
        : null;

    private static void ReadProduct(Row row, RetailCsvData data)
    {
        var sku = row.Id("product_sku");
        var price = row.Decimal("price");
        var product = new ProductEndpoints.CreateProduct(row.Text("product_name"), row.Text("category"), row.Text("brand"), price ?? 0).Check(row.Checks);
        if (row.Finish() && product is not null && sku is { } s && price is not null)
        {
            product.Sku = s;
            data.Products.Add(row.Located(product));
        }
    }

    private static void ReadCustomer(Row row, RetailCsvData data, DateOnly today)
    {
        var id = row.Id("customer_id");
        var age = row.Int("age");
        var dob = row.Date("dob");
        var customer = new CustomerInput(row.Text("first_name"), row.Text("last_name"), row.Text("gender"), age ?? 0, dob ?? CustomerInput.EarliestDob,
            row.Text("email"), row.Text("phone"), row.Text("city"), row.Text("income_level"), row.Text("shopping_preference"),
            row.Optional("customer_segment")).Check(row.Checks, today);
        if (row.Finish() && customer is not null && id is { } c && age is not null && dob is not null)
        {
            customer.CustomerId = c;
            data.Customers.Add(row.Located(customer));
        }
    }

    private static void ReadTimeframe(Row row, RetailCsvData data)
    {
        var id = row.Id("time_id");
        var date = row.Date("date");
        var day = date is { } d ? new TimeframeInput(d, row.OptionalInt("day"), row.OptionalInt("month"), row.OptionalInt("year")).Check(row.Checks) : null;
        if (row.Finish() && day is not null && id is { } t)
        {
            day.TimeId = t;
            data.Timeframe.Add(row.Located(day));
        }
    }

    private static void ReadTransaction(Row row, RetailCsvData data)
    {
        var id = row.Id("transaction_id");
        var customer = row.Id("customer_id");
        var time = row.Id("time_id");
        var amount = row.Decimal("transaction_amount");
        var transaction = new TransactionInput(customer ?? 1, time ?? 1, amount ?? 0, row.Text("channel"), row.Text("payment_type")).Check(row.Checks);
        if (row.Finish() && transaction is not null && id is { } t && customer is not null && time is not null && amount is not null)
        {
            transaction.TransactionId = t;
            data.Transactions.Add(row.Located(transaction));
        }
    }

    private static void ReadSale(Row row, RetailCsvData data)
    {
        var id = row.Id("sale_id");
        var transaction = row.Id("transaction_id");
        var product = row.Id("product_sku");
        var quantity = row.Int("quantity");
        var unitPrice = row.Decimal("unit_price");
        var sale = new SaleInput(transaction ?? 1, product ?? 1, quantity ?? 1, unitPrice ?? 0).Check(row.Checks);
        if (sale is not null && row.OptionalDecimal("line_total") is { } given && Math.Abs(given - sale.LineTotal) > AmountRule.Tolerance)
        {
            row.Checks.Add("line_total", string.Create(CultureInfo.InvariantCulture,
                $"line_total {given} is not quantity × unit_price = {sale.LineTotal:0.00}; leave the column out to have it computed"));
        }
        if (row.Finish() && sale is not null && id is { } s && transaction is not null && product is not null && quantity is not null && unitPrice is not null)
        {
            sale.SaleId = s;
            data.Sales.Add(row.Located(sale));
        }
    }

    /// <summary>One record being read: typed access by column name; problems are collected per row with the line number.</summary>
    private sealed class Row(string file, CsvReader csv, HashSet<string> columns, List<ImportProblem> problems)
    {
        public Checks Checks { get; private set; } = new("row");

        private int Line => csv.Parser.RawRow;

        public void Start() => Checks = new Checks("row");

        public Located<T> Located<T>(T value) => new(file, Line, value);

        /// <summary>Records the row's problems; true when it had none.</summary>
        public bool Finish()
        {
            foreach (var problem in Checks.Problems)
            {
                problems.Add(new ImportProblem(file, Line, $"{problem.Location[^1]}: {problem.Message}"));
            }
            return Checks.Ok;
        }

        public string Text(string column) => csv.GetField(column) ?? "";

        public string? Optional(string column) => columns.Contains(column) && csv.GetField(column) is { Length: > 0 } text ? text : null;

        public int? Id(string column)
        {
            var value = Int(column);
            if (value is < 1)
            {
                Checks.Add(column, "Input should be greater than or equal to 1", "greater_than_equal");
                return null;
            }
            return value;
        }

        public int? Int(string column)
        {
            var text = Text(column);
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            Checks.Add(column, $"Input should be a valid integer, not '{Cut(text)}'", "int_parsing");
            return null;
        }

        public int? OptionalInt(string column) => Optional(column) is null ? null : Int(column);

        public decimal? Decimal(string column)
        {
            var text = Text(column);
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            Checks.Add(column, $"Input should be a valid number, not '{Cut(text)}'", "decimal_parsing");
            return null;
        }

        public decimal? OptionalDecimal(string column) => Optional(column) is null ? null : Decimal(column);

        public DateOnly? Date(string column)
        {
            var text = Text(column);
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                return value;
            }
            Checks.Add(column, $"Input should be a valid date in the format YYYY-MM-DD, not '{Cut(text)}'", "date_from_datetime_parsing");
            return null;
        }

        private static string Cut(string text) => text.Length > 40 ? text[..40] + "…" : text;
    }
}
