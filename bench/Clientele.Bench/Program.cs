using System.Diagnostics;
using System.Globalization;
using Clientele.Banking.Data;
using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
using Clientele.Banking.Population;
using Clientele.Banking.Recommendations;
using Clientele.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/Clientele.Bench -- --clients 20000 --provider sqlite [--naive-clients 2000] [--skip-naive]
// The floor needs the sqlite3 shell or psql on the PATH.
var options = BenchOptions.Parse(args);
Console.Error.WriteLine($"Clientele.Bench: {options.Clients} clients × {options.Payments + options.Moves} rows on {options.Provider}");

await using var bench = await BenchDatabase.CreateAsync(options.Provider, options.Clients);
var load = Stopwatch.StartNew();
await bench.LoadAsync(options.Clients, options.Payments, options.Moves);
load.Stop();
Console.Error.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F1} s");

var results = new List<PhaseResult>
{
    // Floor: the database's own export of the same rows and columns to a null sink (sqlite3 shell, psql COPY TO STDOUT).
    await Phase.RunAsync("database export of the same rows (floor)", options.Clients, async () =>
    {
        await bench.ExportToNullAsync();
        return options.Clients;
    }),
    // Anchor: the same keyset pages read and grouped, nothing described or ranked.
    await Phase.RunAsync("read pages only (anchor)", options.Clients, async () =>
    {
        await using var scope = bench.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        var clients = 0;
        await foreach (var page in ClientActivityReader.PagesAsync(db, 500, CancellationToken.None))
        {
            clients += page.Count;
        }
        return clients;
    }),
    // What an import (or the statistics job) does after it commits: every client described once, the statistics stored.
    await Phase.RunAsync("statistics build, stored (after an import)", options.Clients, async () =>
    {
        await using var scope = bench.Scope();
        await scope.ServiceProvider.GetRequiredService<PopulationStatsStore>().EnsureCurrentAsync(force: true, null, CancellationToken.None);
        return (await scope.ServiceProvider.GetRequiredService<PopulationStatsStore>().StateAsync(CancellationToken.None)).Clients ?? 0;
    }),
    // The measured path: the export job with fresh stored statistics, one pass (rank + compose + CSV row), to a null stream.
    await Phase.RunAsync("batch, fresh stored statistics (export job path, one pass)", options.Clients, async () =>
    {
        await using var scope = bench.Scope();
        var service = scope.ServiceProvider.GetRequiredService<RecommendationService>();
        await scope.ServiceProvider.GetRequiredService<PopulationStatsStore>().EnsureCurrentAsync(force: false, null, CancellationToken.None);
        var population = await service.PopulationAsync(CancellationToken.None);
        return await WriteCsvAsync(service, population);
    }),
    // Without stored statistics: both passes, as every batch ran before the statistics were stored.
    await Phase.RunAsync("batch, statistics built in the run (two passes)", options.Clients, async () =>
    {
        await using var scope = bench.Scope();
        var service = scope.ServiceProvider.GetRequiredService<RecommendationService>();
        return await WriteCsvAsync(service, await service.BuildPopulationAsync(null, CancellationToken.None));
    }),
};
if (!options.SkipNaive)
{
    var naive = Math.Min(options.NaiveClients, options.Clients);
    // Anchor 2: the naive way — every row of the first N clients loaded at once, then described and ranked in memory.
    results.Add(await Phase.RunAsync($"naive: all rows in memory ({naive} clients)", naive, async () =>
    {
        await using var scope = bench.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<OfferEngine>();
        var composer = scope.ServiceProvider.GetRequiredService<PushComposer>();
        var clients = await db.Clients.AsNoTracking().Where(c => c.ClientCode <= naive).ToListAsync();
        var payments = (await db.Transactions.AsNoTracking().Where(t => t.ClientCode <= naive).ToListAsync())
            .ToLookup(t => t.ClientCode, t => new SpendingRow(t.OccurredAt, t.Category, t.AmountKzt, t.Currency));
        var moves = (await db.Transfers.AsNoTracking().Where(t => t.ClientCode <= naive).ToListAsync())
            .ToLookup(t => t.ClientCode, t => new TransferRow(t.OccurredAt, t.Type, t.Direction, t.AmountKzt));
        var features = clients.Select(c => engine.Describe(ClientActivityReader.Activity(c, payments[c.ClientCode], moves[c.ClientCode]))).ToList();
        var builder = new PopulationStatsBuilder();
        features.ForEach(builder.Add);
        var population = builder.Build();
        var pushes = features.Select(f => composer.Compose(f, engine.Rank(f, population).Best)).ToList();
        return pushes.Count;
    }));
}

Console.WriteLine();
Console.WriteLine($"| provider | clients | rows/client | phase | seconds | clients/s | phase peak working set (MiB) |");
Console.WriteLine("| --- | ---: | ---: | --- | ---: | ---: | ---: |");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {options.Provider} | {r.Clients} | {options.Payments + options.Moves} | {r.Name} | {r.Seconds:F1} | {r.Clients / r.Seconds:F0} | {r.PeakBytes / 1048576.0:F0} |"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"\nload: {load.Elapsed.TotalSeconds:F1} s; process peak working set (PeakWorkingSet64): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));

static async Task<int> WriteCsvAsync(RecommendationService service, PopulationStats population)
{
    await using var writer = new StreamWriter(Stream.Null, RecommendationCsv.Utf8);
    await RecommendationCsv.WriteHeaderAsync(writer);
    var clients = 0;
    await foreach (var page in service.RecommendAllAsync(population, 1, CancellationToken.None))
    {
        foreach (var row in page)
        {
            await RecommendationCsv.WriteRowAsync(writer, row);
        }
        clients += page.Count;
    }
    return clients;
}

internal sealed record BenchOptions(int Clients, string Provider, int Payments, int Moves, int NaiveClients, bool SkipNaive)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var clients = int.Parse(Value("--clients") ?? "20000", CultureInfo.InvariantCulture);
        var provider = (Value("--provider") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => "sqlite",
            "postgres" or "postgresql" => "postgres",
            var other => throw new ArgumentException($"--provider {other}: use sqlite or postgres"),
        };
        var rows = int.Parse(Value("--rows") ?? "600", CultureInfo.InvariantCulture);
        return new BenchOptions(clients, provider, rows / 2, rows - rows / 2,
            int.Parse(Value("--naive-clients") ?? "5000", CultureInfo.InvariantCulture), args.Contains("--skip-naive"));
    }
}

internal sealed record PhaseResult(string Name, int Clients, double Seconds, long PeakBytes);

internal static class Phase
{
    /// <summary>Times one phase and samples the working set while it runs (PeakWorkingSet64 only ever grows, so per phase we sample).</summary>
    public static async Task<PhaseResult> RunAsync(string name, int expected, Func<Task<int>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Console.Error.WriteLine($"  {name}…");
        using var stop = new CancellationTokenSource();
        var peak = Environment.WorkingSet;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var clock = Stopwatch.StartNew();
        var clients = await work();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        if (clients != expected)
        {
            throw new InvalidOperationException($"{name}: {clients} clients, expected {expected}");
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {clock.Elapsed.TotalSeconds:F1} s, {clients / clock.Elapsed.TotalSeconds:F0} clients/s"));
        return new PhaseResult(name, clients, clock.Elapsed.TotalSeconds, Math.Max(peak, Environment.WorkingSet));
    }
}
