using System.Globalization;
using Clientele.Api.Tests.RateLimits;
using Clientele.Platform.Errors;
using Clientele.Testing;

namespace Clientele.Api.Tests.Deployment;

/// <summary>
/// What deploy/ describes, on loopback: two production instances on one PostgreSQL database (a fresh one) and the test
/// Redis, behind nginx with the shipped proxy snippet. Instance B does not dispatch events, so whatever its sockets get
/// came from A through Redis. Nothing starts when nginx is not installed (the tests then skip).
/// </summary>
public sealed class ProxiedCluster : IAsyncLifetime
{
    public const string Email = "ops@example.kz";
    public const string Password = "cluster-password";
    public const int Limit = 4;

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clientele-cluster-").FullName;
    private TestDatabase? _database;

    public ServerProcess A { get; private set; } = null!;
    public ServerProcess B { get; private set; } = null!;
    public NginxProxy Nginx { get; private set; } = null!;
    public string ApiKey { get; private set; } = "";
    public HttpClient Through(string from) => LoopbackClients.Http(Nginx.Port, from);
    public Uri SocketUri => new($"ws://127.0.0.1:{Nginx.Port}/platform/ws/events");

    public async Task InitializeAsync()
    {
        if (!NginxProxy.Installed)
        {
            return;
        }
        var redis = Environment.GetEnvironmentVariable(RedisHealthTests.RedisVariable);
        Assert.False(string.IsNullOrEmpty(redis), $"{RedisHealthTests.RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");
        _database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var run = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Clientele__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Clientele"] = _database.ConnectionString,
            ["ConnectionStrings__Redis"] = redis!,
            ["Clientele__DataProtection__RedisKey"] = $"clientele-test:{run}:keys",
            ["Clientele__Events__RedisChannel"] = $"clientele-test:{run}:events",
            ["Clientele__RateLimits__KeyPrefix"] = $"clientele-test:{run}:limits",
            ["Clientele__RateLimits__Modules__banking__Default__PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["Clientele__RateLimits__Modules__banking__Default__WindowSeconds"] = "3600",
            ["Clientele__RateLimits__Modules__banking__Default__PartitionBy"] = "Ip",
            ["Clientele__Events__PollSeconds"] = "0.2",
            ["Clientele__Jobs__PollSeconds"] = "0.2",
            [$"Logging__LogLevel__{RequestIds.AccessCategory}"] = "Information",
        };
        await ServerProcess.RunVerbAsync(_workingDirectory, $"user add {Email} {Password} --role admin", environment);
        var verb = await ServerProcess.RunVerbAsync(_workingDirectory, "apikey add cluster --scopes *:write", environment);
        ApiKey = verb.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("ck_", StringComparison.Ordinal));
        A = await ServerProcess.StartAsync(_workingDirectory, environment);
        B = await ServerProcess.StartAsync(_workingDirectory, new Dictionary<string, string>(environment) { ["Clientele__Events__DispatchEnabled"] = "false" });
        Nginx = await NginxProxy.StartAsync([A.Port, B.Port]);
    }

    /// <summary>The instance whose log has a line of the request with this id, or null.</summary>
    public ServerProcess? Served(string requestId) =>
        A.Output.Contains(requestId, StringComparison.Ordinal) ? A : B.Output.Contains(requestId, StringComparison.Ordinal) ? B : null;

    /// <summary>Log lines are written asynchronously: waits until the request's line is in one of the logs.</summary>
    public async Task<ServerProcess> ServedAsync(string requestId)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Served(requestId) is { } server)
            {
                return server;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no instance logged request {requestId}:\nA:\n{A.Output}\nB:\n{B.Output}");
    }

    public async Task DisposeAsync()
    {
        Nginx?.Dispose();
        if (B is not null)
        {
            await B.DisposeAsync();
        }
        if (A is not null)
        {
            await A.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
