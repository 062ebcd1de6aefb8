using System.Globalization;
using System.Net;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Clientele.Visitors.Auth;
using Clientele.Visitors.Data;
using Clientele.Visitors.Devices;
using Clientele.Visitors.Gallery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Visitors;

/// <summary>The real server with quick event polling and limits no test meets (every test calls from the one test-server IP).</summary>
public sealed class VisitorsServer : ClienteleFactory
{
    public VisitorsServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Events:PollSeconds"] = "0.05";
        foreach (var policy in new[] { "login", "statistics", "camera" })
        {
            Settings[$"Clientele:RateLimits:Modules:visitors:Policies:{policy}:PermitLimit"] = "100000";
        }
    }
}

/// <summary>An organization of the visitors module: an analyst's API key client, its camera key and a registered device key.</summary>
public sealed record VisitorsOrg(Guid Id, HttpClient Client, string PrivateKey, string DeviceKey, HttpClient Camera);

public static class Visitors
{
    public const string PersonPath = "/visitors/api/client/person/";
    public const string PersonsPath = "/visitors/api/client/persons/";

    public static async Task<VisitorsOrg> NewOrganizationAsync(ClienteleFactory server, string slug = "visitors")
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync(slug, "visitors:write");
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<VisitorsDbContext>();
        var settings = await Galleries.SettingsAsync(db, CancellationToken.None);
        var deviceKey = "dev_" + Guid.NewGuid().ToString("N");
        db.Devices.Add(new Device { Id = Guid.NewGuid(), Name = "entrance", KeyHash = DeviceAuthentication.Hash(deviceKey), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var camera = server.CreateClient();
        camera.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);
        return new VisitorsOrg(organization, client, settings.PrivateKey, deviceKey, camera);
    }

    public static string VectorJson(float[] vector) =>
        "[" + string.Join(", ", vector.Select(value => value.ToString("R", CultureInfo.InvariantCulture))) + "]";

    /// <summary>A frame as the seed's Python example sends it (form-urlencoded), with the organization key and an entry time.</summary>
    public static FormUrlEncodedContent Frame(string organizationKey, float[] vector, DateTimeOffset at, int age = 25, string gender = "Female") =>
        new(new Dictionary<string, string>
        {
            ["organization_key"] = organizationKey,
            ["vector"] = VectorJson(vector),
            ["age"] = age.ToString(CultureInfo.InvariantCulture),
            ["gender"] = gender,
            ["emotion"] = "Happy",
            ["body_type"] = "Normal",
            ["entry_time"] = at.ToString("O", CultureInfo.InvariantCulture),
        });

    public static async Task<JsonElement> SendFrameAsync(ClienteleFactory server, VisitorsOrg organization, float[] vector, DateTimeOffset at)
    {
        var response = await server.CreateClient().PostAsync(PersonPath, Frame(organization.PrivateKey, vector, at));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<T> QueryAsync<T>(ClienteleFactory server, Guid organization, Func<VisitorsDbContext, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        return await query(scope.ServiceProvider.GetRequiredService<VisitorsDbContext>());
    }

    /// <summary>Counts of what the organization has stored, to show a refused request changed nothing.</summary>
    public static Task<(int Persons, int Exemplars, int Visits, int Sightings)> CountsAsync(ClienteleFactory server, Guid organization) =>
        QueryAsync(server, organization, async db => (await db.Persons.CountAsync(), await db.Exemplars.CountAsync(), await db.Visits.CountAsync(), await db.Sightings.CountAsync()));
}

/// <summary>
/// Synthetic dlib-like faces (spec §2.3): a fixed mean face of norm about 1.32, identities spread around it with σ 0.053 per
/// dimension (strangers about 0.85 apart), frames of one identity with σ 0.02 (0.3 apart). No real biometrics.
/// </summary>
public sealed class Faces(int seed)
{
    private readonly Random random = new(seed);
    private readonly float[] mean = Scaled(Gaussian(new Random(7), 1f), 1.32f);

    public float[] Identity() => [.. mean.Zip(Gaussian(random, 0.053f), (center, noise) => center + noise)];

    public float[] Frame(float[] identity, float sigma = 0.02f) => [.. identity.Zip(Gaussian(random, sigma), (center, noise) => center + noise)];

    /// <summary>A face exactly <paramref name="distance"/> from <paramref name="identity"/> in a random direction.</summary>
    public float[] At(float[] identity, float distance)
    {
        var direction = Scaled(Gaussian(random, 1f), distance);
        return [.. identity.Zip(direction, (center, step) => center + step)];
    }

    private static float[] Gaussian(Random random, float sigma) =>
        [.. Enumerable.Range(0, 128).Select(_ => (float)(sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static float[] Scaled(float[] vector, float norm)
    {
        var length = MathF.Sqrt(vector.Sum(value => value * value));
        return [.. vector.Select(value => value * norm / length)];
    }
}
