using System.Text;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Mining;

public sealed class BasketReaderTests
{
    [Fact]
    public void Fimi_lines_are_baskets_with_trailing_blanks_crlf_and_repeated_items_tolerated()
    {
        var baskets = BasketReader.ReadFimi("3 1 2 \n1  3\t\r\n\n2 2 7"u8);

        Assert.Equal(4, baskets.Count);
        Assert.Equal(["3", "1", "2", "7"], baskets.Labels);
        Assert.Equal([0, 1, 2], baskets.Basket(0).ToArray());
        Assert.Equal([1, 0], baskets.Basket(1).ToArray());
        Assert.True(baskets.Basket(2).IsEmpty);
        Assert.Equal([2, 3], baskets.Basket(3).ToArray());
    }

    [Fact]
    public void A_final_newline_does_not_make_an_empty_basket()
    {
        Assert.Equal(2, BasketReader.ReadFimi("1 2 \n3 \n"u8).Count);
        Assert.Equal(2, BasketReader.ReadCsv("a,b\r\nc\r\n"u8).Count);
    }

    [Theory]
    [InlineData("1 2\n3 x4 5\n", "retail.dat, line 2: 'x4' is not an item number")]
    [InlineData("1 -2\n", "retail.dat, line 1: '-2' is not an item number")]
    [InlineData("1,2\n", "retail.dat, line 1: '1,2' is not an item number")]
    [InlineData("99999999999\n", "retail.dat, line 1: '99999999999' is larger than 2147483647")]
    public void A_token_that_is_not_an_item_number_names_its_line(string text, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => BasketReader.ReadFimi(Encoding.UTF8.GetBytes(text), "retail.dat"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused_in_either_format()
    {
        Assert.Contains("holds no baskets", Assert.Throws<InvalidDataException>(() => BasketReader.ReadFimi(""u8, "empty.dat")).Message, StringComparison.Ordinal);
        Assert.Contains("holds no baskets", Assert.Throws<InvalidDataException>(() => BasketReader.ReadCsv(""u8, "empty.csv")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_labels_keep_their_blanks_only_the_line_end_is_removed()
    {
        var baskets = BasketReader.ReadCsv("cream cheese ,whole milk\r\ncream cheese,whole milk,,\r\nwhole milk\n"u8);

        Assert.Equal(["cream cheese ", "whole milk", "cream cheese"], baskets.Labels);
        Assert.Equal([0, 1], baskets.Basket(0).ToArray());
        Assert.Equal([2, 1], baskets.Basket(1).ToArray());
        Assert.Equal([1], baskets.Basket(2).ToArray());
    }

    [Fact]
    public void Csv_reads_utf8_labels_and_skips_a_byte_order_mark()
    {
        var baskets = BasketReader.ReadCsv(Encoding.UTF8.GetBytes("\uFEFFcrème,Käse\nKäse\n"));

        Assert.Equal(["crème", "Käse"], baskets.Labels);
        Assert.Equal(2, baskets.Count);
    }

    [Fact]
    public void Read_picks_the_format_by_extension()
    {
        var folder = Directory.CreateTempSubdirectory("baskets-");
        try
        {
            var csv = Path.Combine(folder.FullName, "b.csv");
            var dat = Path.Combine(folder.FullName, "b.dat");
            File.WriteAllText(csv, "1 2,3\n");
            File.WriteAllText(dat, "1 2 3\n");

            Assert.Equal(["1 2", "3"], BasketReader.Read(csv).Labels);
            Assert.Equal(["1", "2", "3"], BasketReader.Read(dat).Labels);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Baskets_from_labels_compare_ordinally_and_drop_repeats()
    {
        var baskets = BasketSet.FromBaskets([["a", "A", "a"], ["A "]]);

        Assert.Equal(["a", "A", "A "], baskets.Labels);
        Assert.Equal([0, 1], baskets.Basket(0).ToArray());
    }
}
