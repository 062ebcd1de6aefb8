using Xunit;
using Xunit.Sdk;

namespace Clientele.Testing;

/// <summary>The database kind of the test case running in this async flow (set by <see cref="DatabaseTestCase"/>).</summary>
public static class CurrentDatabase
{
    private static readonly AsyncLocal<DatabaseKind?> Current = new();

    public static DatabaseKind Kind
    {
        get => Current.Value ?? throw new InvalidOperationException("This test is not a [DatabaseFact] or [DatabaseTheory]; no database kind is set.");
        private set => Current.Value = value;
    }

    /// <summary>Runs a test case on <paramref name="kind"/>; <c>Skip.If</c> (Xunit.SkippableFact) marks it skipped, not failed.</summary>
    internal static async Task<RunSummary> RunSkippableAsync(DatabaseKind kind, IMessageBus messageBus, Func<IMessageBus, Task<RunSummary>> run)
    {
        Kind = kind;
        // Not disposed: disposing it would dispose the runner's own bus.
        var skippable = new SkippableTestMessageBus(messageBus, [typeof(Xunit.SkipException).FullName!]);
        var summary = await run(skippable);
        summary.Failed -= skippable.SkippedCount;
        summary.Skipped += skippable.SkippedCount;
        return summary;
    }
}

/// <summary>
/// A class fixture holding one server per database kind (<typeparamref name="TServer"/> takes the kind in its constructor), so one test class runs on SQLite and PostgreSQL
/// (Bitwarden's database switch) without a hand-written pair of classes. Test methods are [DatabaseFact] or
/// [DatabaseTheory]; the class takes <see cref="Current"/> in its constructor.
/// </summary>
public sealed class DatabaseServers<TServer> : IAsyncLifetime
    where TServer : ClienteleFactory
{
    private readonly Dictionary<DatabaseKind, TServer> _servers = Enum.GetValues<DatabaseKind>()
        .ToDictionary(kind => kind, kind => (TServer)Activator.CreateInstance(typeof(TServer), kind)!);

    public TServer Current => _servers[CurrentDatabase.Kind];

    public Task InitializeAsync() => Task.WhenAll(_servers.Values.Select(server => ((IAsyncLifetime)server).InitializeAsync()));

    public Task DisposeAsync() => Task.WhenAll(_servers.Values.Select(server => ((IAsyncLifetime)server).DisposeAsync()));
}
