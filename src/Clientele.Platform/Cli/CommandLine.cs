using Clientele.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Cli;

public static class CommandLine
{
    /// <summary>True when the arguments name a verb (<c>import …</c>, <c>org …</c>); the web host is then built without them.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>
    /// Runs the verb the arguments name when it is one of <paramref name="verbs"/> and needs no host (<see cref="CliVerb.NeedsHost"/>),
    /// so that it starts without the web host and the database; null otherwise.
    /// </summary>
    public static async Task<int?> TryRunWithoutHostAsync(IEnumerable<CliVerb> verbs, string[] args, CancellationToken cancellationToken)
    {
        if (Find(verbs, args) is not { NeedsHost: false } verb)
        {
            return null;
        }
        await using var services = new ServiceCollection().BuildServiceProvider();
        return await verb.RunAsync(services, Arguments(verb, args), cancellationToken);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var verbs = services.GetServices<CliVerb>().ToList();
        var verb = Find(verbs, args);
        if (verb is null)
        {
            await output.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'. Commands:");
            foreach (var v in verbs.OrderBy(v => v.Name))
            {
                await output.WriteLineAsync($"  {v.Usage}");
            }
            return 2;
        }
        if (verb.NeedsHost)
        {
            await DatabaseMigrator.MigrateAllAsync(services, cancellationToken);
            await PlatformBootstrap.EnsureDefaultOrganizationAsync(services, cancellationToken);
        }
        return await verb.RunAsync(services, Arguments(verb, args), cancellationToken);
    }

    private static CliVerb? Find(IEnumerable<CliVerb> verbs, string[] args) => verbs.Where(v => Matches(v.Name, args)).MaxBy(v => v.Name.Length);

    private static CliArguments Arguments(CliVerb verb, string[] args) => new(args.Skip(verb.Name.Split(' ').Length), verb.Flags);

    private static bool Matches(string name, string[] args)
    {
        var words = name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => string.Equals(w, args[i], StringComparison.OrdinalIgnoreCase)).All(x => x);
    }
}
