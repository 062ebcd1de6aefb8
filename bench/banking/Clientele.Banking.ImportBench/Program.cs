using System.Diagnostics;
using System.Globalization;
using Clientele.Banking;
using Clientele.Banking.Data;
using Clientele.Banking.Data.Import;
using Clientele.Banking.ImportBench;
using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

// Usage: Clientele.Banking.ImportBench --generate <folder> [--clients 5000] [--rows 200]
//        Clientele.Banking.ImportBench --import <folder> --provider sqlite|postgres [--connection <postgres server>]
var organization = new Guid("6d1c0c62-5f7e-4a53-9a43-0e4b2f3c8a11");
var options = args.Select((arg, index) => (arg, index)).Where(a => a.arg.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(a => a.arg[2..], a => a.index + 1 < args.Length && !args[a.index + 1].StartsWith("--", StringComparison.Ordinal) ? args[a.index + 1] : "");
string Option(string name, string fallback) => options.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;

if (options.ContainsKey("generate"))
{
    var started = Stopwatch.StartNew();
    CaseFolder.Write(Option("generate", "."), int.Parse(Option("clients", "5000"), CultureInfo.InvariantCulture), int.Parse(Option("rows", "200"), CultureInfo.InvariantCulture), organization);
    Console.Error.WriteLine($"generated in {started.Elapsed.TotalSeconds:F1} s");
    return 0;
}

var folder = Option("import", ".");
var provider = Option("provider", "sqlite");
var server = Option("connection", "");

// 1. Clientele: the import verb's path (files from the folder, streamed, staged, merged in one transaction).
await using (var services = await ServicesAsync("clientele"))
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
    var importer = scope.ServiceProvider.GetRequiredService<BankCaseImporter>();
    using var files = BankCaseFiles.FromPaths([Path.Combine(folder, "case")], new ImportLimits());
    var baseline = Environment.WorkingSet;
    var watch = Stopwatch.StartNew();
    var outcome = await importer.ImportAsync(files.Files, CancellationToken.None);
    watch.Stop();
    if (outcome.Imported is not { } imported)
    {
        Console.Error.WriteLine(string.Join("\n", outcome.Problems.Take(10)));
        return 1;
    }
    var rows = imported.Clients + imported.Transactions + imported.Transfers;
    using var self = Process.GetCurrentProcess();
    Report("Clientele import (files → staging → merge)", rows, watch.Elapsed, $"{baseline >> 20} → peak {self.PeakWorkingSet64 >> 20}");
}

// Where the time goes (--phases): parsing alone, then parse + staging write, checks, merge in one transaction (rolled back).
if (options.ContainsKey("phases"))
{
    await using var services = await ServicesAsync("phases");
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
    var parser = scope.ServiceProvider.GetRequiredService<BankCaseParser>();
    using var files = BankCaseFiles.FromPaths([Path.Combine(folder, "case")], new ImportLimits());
    var problems = new List<ImportProblem>();
    var watch = Stopwatch.StartNew();
    var parsed = files.Files.Sum(file => parser.Read(file, problems).Count());
    Report("phase: parse alone", parsed, watch.Elapsed, "");
    var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
    await using var transaction = await db.Database.BeginTransactionAsync();
    var staging = await ImportStaging.CreateAsync(db, CancellationToken.None);
    watch.Restart();
    foreach (var file in files.Files)
    {
        foreach (var row in parser.Read(file, problems))
        {
            await staging.AddAsync(row, CancellationToken.None);
        }
    }
    await staging.FlushAsync(CancellationToken.None);
    Report("phase: parse + staging write", parsed, watch.Elapsed, "");
    watch.Restart();
    var found = await staging.ProblemsAsync(CancellationToken.None);
    Report($"phase: checks ({found.Count} problems)", parsed, watch.Elapsed, "");
    watch.Restart();
    await staging.MergeAsync(CancellationToken.None);
    Report("phase: merge", parsed, watch.Elapsed, "");
    await transaction.RollbackAsync();
}

// 2. The floor: the database's own bulk load of the same rows into a fresh, migrated database (same tables and indexes).
await using (var services = await ServicesAsync("floor"))
{
    var connection = services.GetRequiredService<IConfiguration>().GetConnectionString("Clientele")!;
    var tables = new[] { ("banking_clients", "floor_clients.csv"), ("banking_transactions", "floor_transactions.csv"), ("banking_transfers", "floor_transfers.csv") };
    var rows = tables.Sum(t => File.ReadLines(Path.Combine(folder, t.Item2)).LongCount() - 1);
    var watch = Stopwatch.StartNew();
    if (provider == "sqlite")
    {
        // sqlite3 .import into a new plain table (named by the header), then one INSERT … SELECT into the real (indexed) table, all in one transaction.
        var script = "BEGIN;\n.mode csv\n" + string.Concat(tables.Select(t => $"""
            .import {Path.Combine(folder, t.Item2)} temp_{t.Item1}
            INSERT INTO {t.Item1} ({string.Join(", ", File.ReadLines(Path.Combine(folder, t.Item2)).First().Split(',').Select(c => $"\"{c}\""))}) SELECT * FROM temp_{t.Item1};

            """)) + "COMMIT;\n";
        Run("sqlite3", [new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource], script);
    }
    else
    {
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var script = "BEGIN;\n" + string.Concat(tables.Select(t =>
            $"\\copy {t.Item1} ({string.Join(", ", File.ReadLines(Path.Combine(folder, t.Item2)).First().Split(',').Select(c => $"\"{c}\""))}) FROM '{Path.Combine(folder, t.Item2)}' WITH (FORMAT csv, HEADER true)\n")) + "COMMIT;\n";
        Run("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!], script);
    }
    watch.Stop();
    Report(provider == "sqlite" ? "floor: sqlite3 .import + INSERT…SELECT" : "floor: psql \\copy … FROM file", (int)rows, watch.Elapsed, "(other process)");
}
return 0;

void Report(string phase, int rows, TimeSpan elapsed, string memory) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {phase} | {rows:N0} | {elapsed.TotalSeconds:F2} | {rows / elapsed.TotalSeconds:N0} | {memory} |"));

void Run(string program, string[] arguments, string input)
{
    var start = new ProcessStartInfo(program) { RedirectStandardInput = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }
    using var process = Process.Start(start)!;
    process.StandardInput.Write(input);
    process.StandardInput.Close();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
    }
}

async Task<ServiceProvider> ServicesAsync(string name)
{
    string connection;
    if (provider == "sqlite")
    {
        var file = Path.Combine(folder, $"{name}.db");
        foreach (var stale in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.Delete(stale);
        }
        connection = $"Data Source={file};Pooling=false";
    }
    else
    {
        var database = $"clientele_import_{name}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Clientele:Database:Provider"] = provider,
        ["ConnectionStrings:Clientele"] = connection,
    }).Build();
    var collection = new ServiceCollection()
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton<DatabaseSettingsAccessor>()
        .AddScoped<TenantContext>()
        .AddLogging();
    collection.AddModuleDbContext<BankingDbContext>("banking");
    collection.AddOptions<BankingOptions>();
    collection.AddSingleton<BankCaseParser>();
    collection.AddScoped<BankCaseImporter>();
    var services = collection.BuildServiceProvider();
    await using var scope = services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<BankingDbContext>().Database.MigrateAsync();
    _ = services.GetRequiredService<IOptions<BankingOptions>>().Value;
    return services;
}
