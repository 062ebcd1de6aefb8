using System.Diagnostics;
using System.Globalization;
using Clientele.Platform.Cli;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Cli;

/// <summary>
/// <c>retail mine &lt;file&gt;</c>: frequent itemsets (and rules) of a FIMI <c>.dat</c> or basket-per-line <c>.csv</c> file,
/// without the database. The last line is <c>itemsets=N rules=M seconds=S</c>, S the mining time, not reading the file; without
/// rules the itemsets are written as they are found, so S includes writing them. Threads: every core with rules, else one
/// by default: handing streamed itemsets on in order from several threads cost more than it saved (bench/mining).
/// </summary>
public static class MineVerb
{
    public const string Usage =
        "retail mine <file.dat|file.csv> --min-support <fraction> | --min-count <baskets> [--max-length K] [--closed|--maximal] "
        + "[--out-itemsets itemsets.csv|-] [--rules [--min-confidence C] [--min-lift L] [--min-leverage V] [--min-conviction V] [--out rules.csv]] [--threads N]";

    public static CliVerb Verb { get; } = new("retail mine", Usage, (_, args, _) => Task.FromResult(Run(args, Console.Out, Console.Error)))
    {
        NeedsHost = false,
        Flags = ["closed", "maximal", "rules"],
    };

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (Parse(args) is not { } request)
        {
            return Fail(error, Problem(args) ?? "missing arguments", 2);
        }
        if (!File.Exists(request.File))
        {
            return Fail(error, $"Not found: {request.File}", 2);
        }
        BasketSet baskets;
        try
        {
            baskets = BasketReader.Read(request.File);
        }
        catch (InvalidDataException e)
        {
            return Fail(error, e.Message, 1);
        }
        var clock = Stopwatch.StartNew();
        var options = new ItemsetMiningOptions(request.Support, request.MaxLength, request.Kind, request.Threads);
        long itemsetCount;
        var ruleCount = 0;
        double seconds;
        if (request.Rules)
        {
            var itemsets = FpGrowth.Mine(baskets, options);
            // Rules need every frequent itemset; with --closed or --maximal that is a second run.
            var rules = AssociationRules.Generate(request.Kind == ItemsetKind.All ? itemsets : FpGrowth.Mine(baskets, options with { Kind = ItemsetKind.All }), request.Filter);
            seconds = clock.Elapsed.TotalSeconds;
            Write(request.ItemsetsOut, output, stream => MiningCsv.WriteItemsets(itemsets, stream));
            Write(request.RulesOut, output, stream => MiningCsv.WriteRules(rules, baskets.Labels, stream));
            itemsetCount = itemsets.Count;
            ruleCount = rules.Count;
        }
        else if (request.ItemsetsOut is null)
        {
            itemsetCount = FpGrowth.Mine(baskets, options, new Discard());
            seconds = clock.Elapsed.TotalSeconds;
        }
        else
        {
            itemsetCount = 0;
            Write(request.ItemsetsOut, output, stream =>
            {
                using var writer = new ItemsetCsvWriter(stream, baskets.Labels, baskets.Count);
                itemsetCount = FpGrowth.Mine(baskets, options, writer);
            });
            seconds = clock.Elapsed.TotalSeconds;
        }
        output.WriteLine($"baskets={baskets.Count} items={baskets.ItemCount} min-count={request.Support.ToCount(baskets.Count)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"itemsets={itemsetCount} rules={ruleCount} seconds={seconds:0.000}"));
        return 0;
    }

    private sealed record Request(
        string File, MinimumSupport Support, int MaxLength, ItemsetKind Kind, string? ItemsetsOut, bool Rules, RuleFilter Filter, string? RulesOut, int Threads);

    private static Request? Parse(CliArguments args)
    {
        if (Problem(args) is not null)
        {
            return null;
        }
        var support = args.Has("min-support") ? MinimumSupport.OfFraction(Number(args, "min-support")!.Value) : MinimumSupport.OfCount((int)Number(args, "min-count")!.Value);
        return new Request(
            args.Positional[0], support, (int?)Number(args, "max-length") ?? int.MaxValue,
            args.Has("closed") ? ItemsetKind.Closed : args.Has("maximal") ? ItemsetKind.Maximal : ItemsetKind.All,
            NonEmpty(args.Option("out-itemsets")), args.Has("rules"),
            new RuleFilter(
                MinConfidence: Number(args, "min-confidence") ?? 0, MinLift: Number(args, "min-lift") ?? 0,
                MinLeverage: Number(args, "min-leverage") ?? double.NegativeInfinity, MinConviction: Number(args, "min-conviction") ?? 0),
            NonEmpty(args.Option("out")), (int?)Number(args, "threads") ?? (args.Has("rules") ? -1 : 1));
    }

    /// <summary>What is wrong with the arguments, or null.</summary>
    private static string? Problem(CliArguments args)
    {
        if (args.Positional.Count != 1)
        {
            return args.Positional.Count == 0 ? "a basket file is required" : $"one basket file, not {args.Positional.Count} ({string.Join(", ", args.Positional)})";
        }
        if (args.Has("min-support") == args.Has("min-count"))
        {
            return "give exactly one of --min-support (a fraction) and --min-count (a number of baskets)";
        }
        var numbers = new (string Name, double Low, double High, bool Whole)[]
        {
            ("min-support", double.Epsilon, 1, false), ("min-count", 1, int.MaxValue, true), ("max-length", 1, int.MaxValue, true),
            ("min-confidence", 0, 1, false), ("min-lift", 0, double.MaxValue, false), ("min-leverage", -1, 1, false),
            ("min-conviction", 0, double.MaxValue, false), ("threads", 1, 1024, true),
        };
        foreach (var (name, low, high, whole) in numbers)
        {
            if (args.Has(name) && (Number(args, name) is not { } value || value < low || value > high || (whole && value != Math.Floor(value))))
            {
                return name == "min-support"
                    ? $"--min-support '{args.Option(name)}' must be a fraction of the baskets above 0 and at most 1 (for a number of baskets use --min-count)"
                    : $"--{name} '{args.Option(name)}' must be {(whole ? "a whole number" : "a number")} from {low.ToString(CultureInfo.InvariantCulture)} to {high.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        if (args.Has("closed") && args.Has("maximal"))
        {
            return "--closed and --maximal exclude each other";
        }
        var ruleOptions = new[] { "min-confidence", "min-lift", "min-leverage", "min-conviction", "out" }.Where(args.Has).ToList();
        if (!args.Has("rules") && ruleOptions.Count > 0)
        {
            return $"--{ruleOptions[0]} applies to rules; add --rules";
        }
        return null;
    }

    private static double? Number(CliArguments args, string name) =>
        args.Option(name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>To the file, to standard output for <c>-</c>, nowhere when absent (then only counted).</summary>
    private static void Write(string? target, TextWriter output, Action<Stream> write)
    {
        if (target is null)
        {
            return;
        }
        if (target == "-")
        {
            output.Flush();
            if (ReferenceEquals(output, Console.Out))
            {
                using var stdout = Console.OpenStandardOutput();
                write(stdout);
            }
            else
            {
                using var buffer = new MemoryStream();
                write(buffer);
                output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            return;
        }
        // Unbuffered: both writers hand over large blocks.
        using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        write(file);
    }

    private sealed class Discard : ItemsetSink
    {
        public override void Add(ReadOnlySpan<int> items, int count)
        {
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine($"retail mine: {message}.");
        error.WriteLine($"Usage: {Usage}");
        return code;
    }
}
