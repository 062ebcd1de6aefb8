using Clientele.Banking.Data.Import;
using Clientele.Banking.Population;
using Clientele.Platform.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Api;

/// <summary><c>import banking &lt;folder|zip|files…&gt; [--org slug]</c>: the same all-or-nothing import as the upload endpoint.</summary>
public static class ImportVerb
{
    public static CliVerb Verb { get; } = new("import banking", "import banking <folder|file.zip|files…> [--org <slug>]", RunAsync);

    private static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CancellationToken cancellationToken)
    {
        var missing = args.Positional.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        if (args.Positional.Count == 0 || missing.Count > 0)
        {
            await Console.Error.WriteLineAsync(args.Positional.Count == 0 ? $"Usage: {Verb.Usage}" : $"Not found: {string.Join(", ", missing)}");
            return 2;
        }
        if (await PlatformVerbs.OrganizationScopeAsync(services, args, cancellationToken) is not { } opened)
        {
            return 1;
        }
        using var scope = opened.Scope;
        BankCaseFiles files;
        try
        {
            files = BankCaseFiles.FromPaths(args.Positional, scope.ServiceProvider.GetRequiredService<IOptions<BankingOptions>>().Value.Import);
        }
        catch (InvalidDataException e)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported: {e.Message}");
            return 1;
        }
        using var archives = files;
        var outcome = await scope.ServiceProvider.GetRequiredService<BankCaseImporter>().ImportAsync(files.Files, cancellationToken);
        if (outcome.Imported is { } imported)
        {
            Console.WriteLine($"Imported into {opened.Organization.Slug}: {imported.Clients} clients, {imported.Transactions} transactions, {imported.Transfers} transfers.");
            await scope.ServiceProvider.GetRequiredService<PopulationStatsStore>().EnsureCurrentAsync(force: false, onProgress: null, cancellationToken);
            Console.WriteLine("Population statistics built.");
            return 0;
        }
        await Console.Error.WriteLineAsync($"Nothing was imported; {outcome.Problems.Count} problem(s):");
        foreach (var problem in outcome.Problems.Take(100))
        {
            await Console.Error.WriteLineAsync($"  {problem.File}:{problem.Line}: {problem.Message}");
        }
        return 1;
    }
}
