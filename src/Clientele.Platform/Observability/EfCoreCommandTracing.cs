using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Platform.Observability;

/// <summary>
/// A client span on <see cref="ClienteleTelemetry.Source"/> for each EF Core command, from EF's diagnostic events, since EF Core has no
/// activity source of its own and the OpenTelemetry EF instrumentation is not available to us. Only inside an existing trace (a request,
/// a job), so background polling does not fill the tracing backend with root spans.
/// </summary>
internal sealed class EfCoreCommandTracing : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly string Executing = RelationalEventId.CommandExecuting.Name!;
    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string Failed = RelationalEventId.CommandError.Name!;
    private static readonly string Canceled = RelationalEventId.CommandCanceled.Name!;
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new EfCoreCommandTracing()));

    private readonly ConcurrentDictionary<Guid, Activity> _running = new();

    /// <summary>Subscribes once per process; the spans reach whichever tracer providers listen to the Clientele source.</summary>
    public static void EnsureStarted() => _ = Subscription.Value;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(this, name => name == Executing || name == Executed || name == Failed || name == Canceled);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == Executing && value.Value is CommandEventData executing)
        {
            Start(executing);
        }
        else if (value.Value is CommandEndEventData ended && _running.TryRemove(ended.CommandId, out var activity))
        {
            if (value.Value is CommandErrorEventData error)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Exception.Message);
            }
            activity.Stop();
        }
    }

    private void Start(CommandEventData data)
    {
        if (Activity.Current is null || !ClienteleTelemetry.Source.HasListeners())
        {
            return;
        }
        var text = data.Command.CommandText;
        var operation = text.TrimStart().Split([' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        var activity = ClienteleTelemetry.Source.StartActivity(operation.Length is > 0 and <= 16 ? operation : "DB", ActivityKind.Client);
        if (activity is null)
        {
            return;
        }
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", data.Command.Connection?.GetType().Name switch
            {
                "SqliteConnection" => "sqlite",
                "NpgsqlConnection" => "postgresql",
                var other => other,
            });
            activity.SetTag("db.namespace", data.Command.Connection?.Database);
            activity.SetTag("db.query.text", text);
            activity.SetTag("db.ef.context", data.Context?.GetType().Name);
        }
        _running[data.CommandId] = activity;
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }
}
