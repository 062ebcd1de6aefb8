namespace Clientele.Banking.Tests;

public sealed class BankCaseParserEncodingTests
{
    private static readonly List<string> Plain = CaseFiles.Describe(CaseFiles.Parser().Parse(CaseFiles.ValidCase()));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Bom_and_line_endings_do_not_change_the_result(bool bom, bool crlf)
    {
        var parsed = CaseFiles.Parser().Parse(CaseFiles.ValidCase(bom, crlf));

        Assert.Empty(parsed.Problems);
        Assert.Equal(Plain, CaseFiles.Describe(parsed));
    }

    [Fact]
    public void The_plain_parse_has_every_row()
    {
        Assert.Equal(8, Plain.Count);
        Assert.DoesNotContain(Plain, line => line.StartsWith("problem", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void A_trailing_empty_line_or_a_missing_final_newline_changes_nothing(bool bom, bool crlf)
    {
        var withBlank = CaseFiles.Parser().Parse(
        [
            CaseFiles.Csv("clients.csv", CaseFiles.Clients + "\n", bom, crlf),
            CaseFiles.Csv("client_1_transactions_3m.csv", CaseFiles.Transactions + "\n\n", bom, crlf),
            CaseFiles.Csv("client_2_transfers_3m.csv", CaseFiles.Transfers, bom, crlf, finalNewline: false),
        ]);

        Assert.Empty(withBlank.Problems);
        Assert.Equal(Plain, CaseFiles.Describe(withBlank));
    }

    [Fact]
    public void A_bom_does_not_hide_the_first_column_name()
    {
        var parsed = CaseFiles.Parse(CaseFiles.Csv("clients.csv", CaseFiles.Clients, bom: true));

        Assert.Empty(parsed.Problems);
        Assert.Equal([1, 2], parsed.Clients.Select(c => c.ClientCode));
    }
}
