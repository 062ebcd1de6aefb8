using Clientele.Platform.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Retail.Import;

/// <summary><c>import retail &lt;folder|zip|files…&gt; [--org slug] [--mode append|replace]</c>: the upload endpoint's import, run here and now.</summary>
public static class ImportVerb
{
    public static CliVerb Verb { get; } = new("import retail", "import retail <folder|file.zip|files…> [--org <slug>] [--mode append|replace]", RunAsync);

    private static async Task<int> RunAsync(IServiceProvider services, CliArguments args, CancellationToken cancellationToken)
    {
        var missing = args.Positional.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        var mode = args.Option("mode") ?? RetailImporter.Append;
        if (args.Positional.Count == 0 || missing.Count > 0 || !RetailImporter.Modes.Contains(mode))
        {
            await Console.Error.WriteLineAsync(args.Positional.Count == 0 || missing.Count == 0 ? $"Usage: {Verb.Usage}" : $"Not found: {string.Join(", ", missing)}");
            return 2;
        }
        if (await PlatformVerbs.OrganizationScopeAsync(services, args, cancellationToken) is not { } opened)
        {
            return 1;
        }
        using var scope = opened.Scope;
        IReadOnlyList<RetailCsvFile> files;
        try
        {
            files = RetailCsvFile.FromPaths(args.Positional);
        }
        catch (InvalidDataException e)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported: {e.Message}");
            return 1;
        }
        var importer = scope.ServiceProvider.GetRequiredService<RetailImporter>();
        var outcome = await importer.ImportAsync(files, mode, async (percent, message) => await Console.Error.WriteLineAsync($"[{percent,3}%] {message}"), cancellationToken);
        if (outcome.Imported is { } counts)
        {
            Console.WriteLine($"Imported into {opened.Organization.Slug} ({mode}): {RetailImporter.Describe(counts)}." +
                (outcome.Skipped.Count > 0 ? $" Skipped (not a table): {string.Join(", ", outcome.Skipped)}." : ""));
            return 0;
        }
        await Console.Error.WriteLineAsync($"Nothing was imported; {outcome.ProblemCount} problem(s):");
        foreach (var problem in outcome.Problems.Take(100))
        {
            await Console.Error.WriteLineAsync($"  {problem.File}:{problem.Line}: {problem.Message}");
        }
        return 1;
    }
}
