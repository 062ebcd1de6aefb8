using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

public sealed class ChurnModellingTests
{
    [Fact]
    public void Reads_rows_with_the_extra_columns_and_crlf()
    {
        const string Csv =
            "RowNumber,CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited\r\n" +
            "1,15634602,Hargrave,619,France,Female,42,2,0,1,1,1,101348.88,1\r\n" +
            "2,15647311,Hill,608,Spain,Female,41,1,83807.86,1,0,1,112542.58,0\r\n";

        var rows = ChurnModelling.ReadRows(new StringReader(Csv));

        Assert.Equal(2, rows.Count);
        Assert.Equal(new ChurnModellingRow(15634602, "Hargrave", 619, "France", "Female",
            new ChurnFeatures(42, 2, 0, 1, true, true, 101348.88), true), rows[0]);
        Assert.Equal(new ChurnFeatures(41, 1, 83807.86, 1, false, true, 112542.58), rows[1].Features);
        Assert.False(rows[1].Exited);
    }

    [Fact]
    public void A_missing_column_or_a_bad_cell_names_the_problem()
    {
        var missing = Assert.Throws<InvalidDataException>(() => ChurnModelling.ReadRows(new StringReader("CustomerId,Age\n1,40\n")));
        Assert.Contains("Surname", missing.Message, StringComparison.Ordinal);

        const string Header = "CustomerId,Surname,CreditScore,Geography,Gender,Age,Tenure,Balance,NumOfProducts,HasCrCard,IsActiveMember,EstimatedSalary,Exited\n";
        var bad = Assert.Throws<InvalidDataException>(() => ChurnModelling.ReadRows(new StringReader(Header + "1,A,600,France,Male,forty,1,0,1,1,1,1000,0\n")));
        Assert.StartsWith("Line 2", bad.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Reads_the_whole_bank_dataset()
    {
        var rows = ChurnModelling.ReadRows(ChurnDataset.RequirePath());

        Assert.Equal(10_000, rows.Count);
        Assert.Equal(2037, rows.Count(row => row.Exited));
        Assert.Equal(3617, rows.Count(row => row.Features.Balance == 0));
        Assert.Equal(["France", "Germany", "Spain"], rows.Select(row => row.Geography).Distinct().Order());
        Assert.Equal(10_000, rows.Select(row => row.CustomerId).Distinct().Count());
    }
}
