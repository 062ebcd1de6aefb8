using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Clientele.Leads.Qualification;
using Clientele.Leads.Tests.Qualification;

// Usage: Clientele.Leads.Bench [rounds=3] [seconds per measurement=3]
// Replays the scripted conversations of tests/Clientele.Leads.Tests/Qualification/Conversations/{ru,kk,mixed}.json (copied
// next to the binary at build) through QualificationBot.Reply, message by message as the API does, and times each Reply.
// Anchors, timed the same way over the same lead messages in the same rounds: TextNormalizer.Normalize alone (the floor
// any rule engine over this text pays) and a plain .NET Regex pass (lower-case, ё→е, five compiled patterns).
// Each round runs every workload single-threaded, then the engine and the normaliser on all cores; the table shows
// each row's median over the rounds. Prints a markdown table.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;

var conversations = ScriptedConversations.Languages.SelectMany(ScriptedConversations.Load).ToArray();
var messageCount = conversations.Sum(conversation => conversation.Messages.Count);
var sink = 0L;
var bot = new QualificationBot();
var right = conversations.Count(conversation => ScriptedConversations.Play(bot, conversation).Assessment.Status.WireName() == conversation.Expected);
Console.WriteLine($"{conversations.Length} conversations, {messageCount} lead messages, final status right for {right}; "
                  + $"{Environment.ProcessorCount} cores, {rounds} rounds × {seconds} s per row");
Console.WriteLine();

var patterns = new[]
{
    new Regex(@"(?<!\d)\+?\d(?:[\s\-().]{0,3}\d){8,14}(?!\d)", RegexOptions.Compiled | RegexOptions.CultureInvariant),
    new Regex(@"\d+(?:[ .,]\d+)*\s?(?:к|тыс[а-я]*|тыщ[а-я]*|мың[а-я]*|млн|миллион[а-я]*|лям[а-я]*)?\s?(?:тг|тенге|₸)?", RegexOptions.Compiled | RegexOptions.CultureInvariant),
    new Regex(@"срочно|сегодня|завтра|недел|месяц|бүгін|ертең|шұғыл|апта", RegexOptions.Compiled | RegexOptions.CultureInvariant),
    new Regex(@"\b(?:сам|сама|решаю|муж|жена|директор|посоветоваться|өзім|шешемін)\b", RegexOptions.Compiled | RegexOptions.CultureInvariant),
    new Regex(@"https?://|www\.|t\.me/|wa\.me/|bit\.ly", RegexOptions.Compiled | RegexOptions.CultureInvariant),
};

var single = new (string Name, Func<string, string, ConversationState?, ConversationState?> Step)[]
{
    ("QualificationBot.Reply", (_, message, state) => bot.Reply(state!, new ConversationMessage(Senders.Lead, message)).Conversation),
    ("anchor: TextNormalizer.Normalize only", (_, message, state) => { sink += TextNormalizer.Normalize(message).Words.Length; return state; }),
    ("anchor: .NET Regex, 5 compiled patterns", (_, message, state) =>
    {
        var lowered = message.ToLowerInvariant().Replace('ё', 'е');
        foreach (var pattern in patterns)
            sink += pattern.Count(lowered);
        return state;
    }),
};
var rows = new Dictionary<string, List<(double PerSecond, double P50, double P99)>>();
for (var round = 0; round < rounds; round++)
{
    foreach (var (name, step) in single)
        Add($"{name}\t1", Single(step));
    foreach (var (name, step) in single.Take(2))
        Add($"{name}\t{Environment.ProcessorCount}", (AllCores(step), double.NaN, double.NaN));
}

Console.WriteLine("| workload | threads | lead messages/s | p50 µs | p99 µs |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
foreach (var (key, values) in rows)
{
    var fields = key.Split('\t');
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {fields[0]} | {fields[1]} | {Median(values.Select(value => value.PerSecond)):N0} | {Format(Median(values.Select(value => value.P50)))} | {Format(Median(values.Select(value => value.P99)))} |"));
}
return sink == 42 ? 1 : 0;

void Add(string key, (double, double, double) value)
{
    if (!rows.TryGetValue(key, out var list))
        rows[key] = list = [];
    list.Add(value);
}

// One pass = every conversation replayed from its start, each lead message through `step` with its own timestamps.
int Pass(Func<string, string, ConversationState?, ConversationState?> step, List<long>? latencies)
{
    var count = 0;
    foreach (var conversation in conversations)
    {
        ConversationState? state = ConversationState.Start(conversation.Niche, new LeadProfile(Phone: conversation.Phone, Source: conversation.Source));
        foreach (var message in conversation.Messages)
        {
            var start = Stopwatch.GetTimestamp();
            state = step(conversation.Niche, message, state);
            latencies?.Add(Stopwatch.GetTimestamp() - start);
            count++;
        }
    }
    return count;
}

// Half a second of warm-up first, so tiered compilation has replaced the first, unoptimised code.
(double PerSecond, double P50, double P99) Single(Func<string, string, ConversationState?, ConversationState?> step)
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < 0.5)
        Pass(step, null);
    var latencies = new List<long>(1 << 20);
    var messages = 0L;
    clock.Restart();
    while (clock.Elapsed.TotalSeconds < seconds)
        messages += Pass(step, latencies);
    var elapsed = clock.Elapsed.TotalSeconds;
    latencies.Sort();
    double Micro(double quantile) => latencies[(int)Math.Min(latencies.Count - 1, quantile * latencies.Count)] * 1e6 / Stopwatch.Frequency;
    return (messages / elapsed, Micro(0.50), Micro(0.99));
}

double AllCores(Func<string, string, ConversationState?, ConversationState?> step)
{
    var threads = Environment.ProcessorCount;
    var counts = new long[threads];
    using var ready = new Barrier(threads + 1);
    var clock = new Stopwatch();
    var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 0.5)
            Pass(step, null);
        ready.SignalAndWait();
        while (clock.Elapsed.TotalSeconds < seconds)
            counts[thread] += Pass(step, null);
    })).ToList();
    workers.ForEach(worker => worker.Start());
    ready.SignalAndWait();
    clock.Start();
    workers.ForEach(worker => worker.Join());
    return counts.Sum() / clock.Elapsed.TotalSeconds;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Format(double micro) => double.IsNaN(micro) ? "–" : micro.ToString(micro < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
