using System.Net;

namespace Clientele.Api.Tests.RateLimits;

/// <summary>Two real server processes on one database: with Redis they count together, without it each counts alone.</summary>
public sealed class SharedCountersProcessTests : IDisposable
{
    private const int Limit = 4;
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clientele-limits-").FullName;

    [Fact]
    public async Task With_redis_two_instances_share_one_count()
    {
        var redis = Environment.GetEnvironmentVariable(RedisHealthTests.RedisVariable);
        Assert.False(string.IsNullOrEmpty(redis), $"{RedisHealthTests.RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");
        var environment = Limits();
        environment["ConnectionStrings__Redis"] = redis!;
        environment["Clientele__RateLimits__KeyPrefix"] = $"clientele-test:{Guid.NewGuid():N}";

        var statuses = await AlternateAsync(environment, Limit + 2);

        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Without_redis_each_instance_counts_alone()
    {
        var statuses = await AlternateAsync(Limits(), 2 * Limit + 2);

        Assert.All(statuses.Take(2 * Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(2 * Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    private static Dictionary<string, string> Limits() => new()
    {
        ["Clientele__RateLimits__Modules__banking__Default__PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Clientele__RateLimits__Modules__banking__Default__WindowSeconds"] = "3600",
    };

    /// <summary>Starts the two instances one after the other (the first migrates the shared database), then sends requests to each in turn.</summary>
    private async Task<List<HttpStatusCode>> AlternateAsync(Dictionary<string, string> environment, int requests)
    {
        await using var first = await ServerProcess.StartAsync(_workingDirectory, environment);
        await using var second = await ServerProcess.StartAsync(_workingDirectory, environment);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < requests; i++)
        {
            var server = i % 2 == 0 ? first : second;
            statuses.Add((await server.Http.GetAsync("/banking/api/clients")).StatusCode);
        }
        return statuses;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
