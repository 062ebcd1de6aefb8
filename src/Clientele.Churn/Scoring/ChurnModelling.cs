using System.Globalization;

namespace Clientele.Churn.Scoring;

/// <summary>One row of Churn_Modelling.csv, including the columns the served model leaves out.</summary>
public sealed record ChurnModellingRow(
    long CustomerId, string Surname, int CreditScore, string Geography, string Gender, ChurnFeatures Features, bool Exited)
{
    public LabelledCustomer ToLabelled() => new(Features, Exited);
}

/// <summary>Reads the bank churn dataset (Churn_Modelling.csv: header, comma-separated, no quoting, CRLF or LF).</summary>
public static class ChurnModelling
{
    private static readonly string[] Columns =
    [
        "RowNumber", "CustomerId", "Surname", "CreditScore", "Geography", "Gender", "Age", "Tenure", "Balance",
        "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary", "Exited",
    ];

    public static IReadOnlyList<LabelledCustomer> Read(string csvPath) => ReadRows(csvPath).Select(row => row.ToLabelled()).ToList();

    public static IReadOnlyList<ChurnModellingRow> ReadRows(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        return ReadRows(reader);
    }

    public static IReadOnlyList<ChurnModellingRow> ReadRows(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine()?.TrimStart('\uFEFF').Split(',').Select(name => name.Trim()).ToList()
            ?? throw new InvalidDataException("The churn CSV is empty.");
        var index = Columns.ToDictionary(name => name, name => header.IndexOf(name), StringComparer.Ordinal);
        var missing = index.Where(pair => pair.Value < 0 && pair.Key != "RowNumber").Select(pair => pair.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("The churn CSV lacks the column(s) " + string.Join(", ", missing) + ".");
        }

        var rows = new List<ChurnModellingRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            if (cells.Length != header.Count)
            {
                throw new InvalidDataException($"Line {lineNumber} has {cells.Length} cells; the header has {header.Count}.");
            }
            string Cell(string column) => cells[index[column]].Trim();
            try
            {
                var features = new ChurnFeatures(
                    Age: ParseInt(Cell("Age")),
                    Tenure: ParseInt(Cell("Tenure")),
                    Balance: ParseDouble(Cell("Balance")),
                    Products: ParseInt(Cell("NumOfProducts")),
                    CreditCard: ParseFlag(Cell("HasCrCard")),
                    Active: ParseFlag(Cell("IsActiveMember")),
                    Salary: ParseDouble(Cell("EstimatedSalary")));
                rows.Add(new ChurnModellingRow(
                    long.Parse(Cell("CustomerId"), CultureInfo.InvariantCulture), Cell("Surname"), ParseInt(Cell("CreditScore")),
                    Cell("Geography"), Cell("Gender"), features, ParseFlag(Cell("Exited"))));
            }
            catch (FormatException error)
            {
                throw new InvalidDataException($"Line {lineNumber}: {error.Message}", error);
            }
        }
        return rows;
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool ParseFlag(string text) => text switch
    {
        "1" or "true" or "True" => true,
        "0" or "false" or "False" => false,
        _ => throw new FormatException($"'{text}' is not a 0/1 flag."),
    };
}
