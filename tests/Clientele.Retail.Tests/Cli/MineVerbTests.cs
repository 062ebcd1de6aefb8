using Clientele.Platform.Cli;
using Clientele.Retail.Cli;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Cli;

public sealed class MineVerbTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mine-verb-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Run(params string[] words)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = MineVerb.Run(new CliArguments(words, MineVerb.Verb.Flags), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string LastLine(string text) => text.TrimEnd('\n').Split('\n')[^1];

    private const string Baskets = "1 2 3 \n1 2\n1 3 \n2 3 4\n1 2 3 4\n";

    [Fact]
    public void The_last_line_counts_itemsets_and_rules_and_times_the_mining()
    {
        var (exit, output, error) = Run(File("b.dat", Baskets), "--min-support", "0.4");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Matches(@"^itemsets=11 rules=0 seconds=\d+\.\d{3}$", LastLine(output));
        Assert.Contains("baskets=5 items=4 min-count=2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Itemsets_go_to_the_named_file_or_standard_output()
    {
        var data = File("b.dat", Baskets);
        var target = Path.Combine(_folder.FullName, "itemsets.csv");

        Assert.Equal(0, Run(data, "--min-count", "2", "--out-itemsets", target).Exit);
        var (_, output, _) = Run(data, "--min-count", "2", "--out-itemsets", "-");

        var written = System.IO.File.ReadAllLines(target);
        Assert.Equal("itemset,support,count", written[0]);
        Assert.Equal(12, written.Length);
        Assert.Contains("\"[\"\"1\"\",\"\"2\"\"]\",0.6,3", written);
        Assert.StartsWith(string.Join('\n', written) + "\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_select_closed_maximal_and_a_maximum_length()
    {
        var data = File("b.dat", Baskets);
        int Count(params string[] words) => int.Parse(LastLine(Run([data, .. words]).Output).Split(' ')[0]["itemsets=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var baskets = BasketReader.Read(data);
        int Expected(ItemsetKind kind, int maxLength = int.MaxValue) => FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(2), maxLength, kind)).Count;

        Assert.Equal(Expected(ItemsetKind.Closed), Count("--closed", "--min-count", "2"));
        Assert.Equal(Expected(ItemsetKind.Maximal), Count("--min-count", "2", "--maximal"));
        Assert.Equal(Expected(ItemsetKind.All, 1), Count("--min-count", "2", "--max-length", "1"));
        Assert.NotEqual(Expected(ItemsetKind.All), Expected(ItemsetKind.Closed));
    }

    [Fact]
    public void Rules_are_filtered_and_written_with_item_labels()
    {
        var data = File("b.csv", "bread,milk\nbread,milk,butter\nbread\nmilk\n");
        var target = Path.Combine(_folder.FullName, "rules.csv");

        var (exit, output, _) = Run(data, "--min-support", "0.25", "--rules", "--min-confidence", "0.6", "--min-lift", "1", "--out", target, "--closed");

        Assert.Equal(0, exit);
        var lines = System.IO.File.ReadAllLines(target);
        Assert.Equal("antecedents,consequents,support,confidence,lift,leverage,conviction", lines[0]);
        Assert.Contains("\"[\"\"butter\"\"]\",\"[\"\"bread\"\",\"\"milk\"\"]\",0.25,1,2,0.125,inf", lines);
        Assert.All(lines.Skip(1), line => Assert.True(double.Parse(line.Split(',')[^3], System.Globalization.CultureInfo.InvariantCulture) >= 1));
        Assert.Matches($@"^itemsets=\d+ rules={lines.Length - 1} seconds=", LastLine(output));
    }

    [Theory]
    [InlineData(new[] { "--min-support", "0.1" }, "a basket file is required")]
    [InlineData(new[] { "a.dat", "b.dat", "--min-support", "0.1" }, "one basket file, not 2")]
    [InlineData(new[] { "{data}" }, "give exactly one of --min-support")]
    [InlineData(new[] { "{data}", "--min-support", "0.1", "--min-count", "3" }, "give exactly one of --min-support")]
    [InlineData(new[] { "{data}", "--min-support", "0" }, "--min-support '0' must be a fraction of the baskets above 0 and at most 1")]
    [InlineData(new[] { "{data}", "--min-support", "1.5" }, "--min-support '1.5' must be a fraction")]
    [InlineData(new[] { "{data}", "--min-support", "ten" }, "--min-support 'ten' must be a fraction")]
    [InlineData(new[] { "{data}", "--min-support", "--closed" }, "--min-support '' must be a fraction")]
    [InlineData(new[] { "{data}", "--min-count", "2.5" }, "--min-count '2.5' must be a whole number")]
    [InlineData(new[] { "{data}", "--min-count", "2", "--max-length", "0" }, "--max-length '0' must be a whole number from 1")]
    [InlineData(new[] { "{data}", "--min-count", "2", "--closed", "--maximal" }, "--closed and --maximal exclude each other")]
    [InlineData(new[] { "{data}", "--min-count", "2", "--min-lift", "1" }, "--min-lift applies to rules; add --rules")]
    [InlineData(new[] { "{data}", "--min-count", "2", "--rules", "--min-confidence", "2" }, "--min-confidence '2' must be a number from 0 to 1")]
    [InlineData(new[] { "{missing}", "--min-count", "2" }, "Not found:")]
    public void Bad_arguments_exit_2_with_the_reason_and_the_usage(string[] words, string reason)
    {
        var data = File("b.dat", Baskets);
        var (exit, output, error) = Run([.. words.Select(w => w.Replace("{data}", data, StringComparison.Ordinal).Replace("{missing}", data + ".absent", StringComparison.Ordinal))]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("Usage: retail mine", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.dat", "1 2\n3 four\n", "bad.dat, line 2: 'four' is not an item number")]
    [InlineData("empty.dat", "", "empty.dat holds no baskets")]
    [InlineData("empty.csv", "", "empty.csv holds no baskets")]
    public void A_bad_file_exits_1_naming_the_problem(string name, string text, string reason)
    {
        var (exit, output, error) = Run(File(name, text), "--min-support", "0.5");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verb_needs_no_host_and_takes_its_flags_without_values()
    {
        Assert.False(MineVerb.Verb.NeedsHost);
        Assert.Equal("retail mine", MineVerb.Verb.Name);
        Assert.Contains(MineVerb.Verb, RetailModule.HostlessVerbs);
        var args = new CliArguments(["--closed", "data.dat", "--rules", "rules.csv"], MineVerb.Verb.Flags);
        Assert.Equal(["data.dat", "rules.csv"], args.Positional);
    }
}
