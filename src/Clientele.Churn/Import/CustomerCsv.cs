using System.Globalization;
using Clientele.Churn.Customers;
using CsvHelper;
using CsvHelper.Configuration;

namespace Clientele.Churn.Import;

/// <summary>
/// Reads customers from CSV in either of two layouts, told apart by the header: the API's own fields (<c>name, email, phone, age,
/// tenure, balance, products, credit_card, active, salary</c>, optional <c>churned, churn_date</c>) or Churn_Modelling's
/// (<c>CustomerId, Surname, Age, Tenure, Balance, NumOfProducts, HasCrCard, IsActiveMember, EstimatedSalary, Exited</c>), whose
/// rows have no name or e-mail: they become the surname and <c>{surname}.{CustomerId}@churn-modelling.example</c>, so importing the
/// file twice updates rather than duplicates. Each row is checked as the API checks a body; a bad row is reported by its line.
/// </summary>
public static class CustomerCsv
{
    public const int MaxReportedProblems = 100;

    public sealed record Row(int Line, CustomerInput Input);

    public sealed record Problem(int Line, string Error);

    public sealed record Parsed(IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems, string Layout);

    private static readonly string[] ApiColumns = ["name", "email", "age", "tenure", "balance", "products", "credit_card", "active", "salary"];
    private static readonly string[] ModellingColumns = ["CustomerId", "Surname", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"];

    public static Parsed Read(TextReader text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null };
        using var csv = new CsvReader(text, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return new([], [new Problem(1, "The file is empty: it needs a header line.")], "none");
        }
        var modelling = ModellingColumns.All(header.Contains);
        var missing = (modelling ? ModellingColumns : ApiColumns).Where(c => !header.Contains(c)).ToList();
        if (!modelling && missing.Count > 0)
        {
            return new([], [new Problem(1, $"Unknown layout: the header needs the API's columns ({string.Join(", ", ApiColumns)}) or Churn_Modelling's; missing {string.Join(", ", missing)}.")], "none");
        }
        var rows = new List<Row>();
        var problems = new List<Problem>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            try
            {
                rows.Add(new Row(line, modelling ? FromModelling(csv) : FromApi(csv, header)));
            }
            catch (FormatException exception)
            {
                problems.Add(new Problem(line, exception.Message));
            }
        }
        return new(rows, problems, modelling ? "Churn_Modelling" : "api");
    }

    private static CustomerInput FromModelling(CsvReader csv)
    {
        var customerId = Integer(csv, "CustomerId");
        var surname = csv.GetField("Surname") ?? "";
        return new CustomerInput(
            Name: surname, Email: $"{new string(surname.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray())}.{customerId}@churn-modelling.example", Phone: "",
            Age: Integer(csv, "Age"), Tenure: Integer(csv, "Tenure"), Balance: Number(csv, "Balance"), Products: Integer(csv, "NumOfProducts"),
            CreditCard: Flag(csv, "HasCrCard"), Active: Flag(csv, "IsActiveMember"), Salary: Number(csv, "EstimatedSalary"),
            Churned: csv.HeaderRecord!.Contains("Exited") ? Flag(csv, "Exited") : null);
    }

    private static CustomerInput FromApi(CsvReader csv, string[] header) => new(
        Name: csv.GetField("name"), Email: csv.GetField("email"), Phone: header.Contains("phone") ? csv.GetField("phone") : "",
        Age: Integer(csv, "age"), Tenure: Integer(csv, "tenure"), Balance: Number(csv, "balance"), Products: Integer(csv, "products"),
        CreditCard: Flag(csv, "credit_card"), Active: Flag(csv, "active"), Salary: Number(csv, "salary"),
        Churned: header.Contains("churned") && csv.GetField("churned") is { Length: > 0 } ? Flag(csv, "churned") : null,
        ChurnDate: header.Contains("churn_date") && csv.GetField("churn_date") is { Length: > 0 } date
            ? DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
                : throw new FormatException($"churn_date: '{Short(date)}' is not a date (YYYY-MM-DD).")
            : null);

    private static int Integer(CsvReader csv, string column) =>
        int.TryParse(csv.GetField(column), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : throw new FormatException($"{column}: '{Short(csv.GetField(column))}' is not a whole number.");

    private static double Number(CsvReader csv, string column) =>
        double.TryParse(csv.GetField(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
            : throw new FormatException($"{column}: '{Short(csv.GetField(column))}' is not a number.");

    private static bool Flag(CsvReader csv, string column) => csv.GetField(column)?.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        var other => throw new FormatException($"{column}: '{Short(other)}' is not a yes/no value (1/0, true/false)."),
    };

    private static string Short(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;
}
