using Clientele.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Cli;

public static class CommandLine
{
    /// <summary>True when the arguments name a verb (<c>import …</c>, <c>org …</c>); the web host is then built without them.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var verbs = services.GetServices<CliVerb>().ToList();
        var verb = verbs.Where(v => Matches(v.Name, args)).MaxBy(v => v.Name.Length);
        if (verb is null)
        {
            await output.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'. Commands:");
            foreach (var v in verbs.OrderBy(v => v.Name))
            {
                await output.WriteLineAsync($"  {v.Usage}");
            }
            return 2;
        }
        await DatabaseMigrator.MigrateAllAsync(services, cancellationToken);
        await PlatformBootstrap.EnsureDefaultOrganizationAsync(services, cancellationToken);
        return await verb.RunAsync(services, new CliArguments(args.Skip(verb.Name.Split(' ').Length)), cancellationToken);
    }

    private static bool Matches(string name, string[] args)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => string.Equals(w, args[i], StringComparison.OrdinalIgnoreCase)).All(x => x);
    }
}
