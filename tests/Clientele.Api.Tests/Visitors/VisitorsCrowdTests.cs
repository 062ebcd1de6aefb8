using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using Clientele.Visitors.Tests.Support;
using Xunit.Abstractions;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>The bar through HTTP: a crowd of strangers from the corrected generator of spec §2.3, uploaded by a camera, merges under 1 %.</summary>
public sealed class VisitorsCrowdTests(DatabaseServers<VisitorsServer> servers, ITestOutputHelper output) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_crowd_of_300_strangers_uploaded_through_the_api_merges_fewer_than_1_percent()
    {
        var organization = await NewOrganizationAsync(server, "nome-crowd");
        var (identities, frames) = new Crowd(31).Fortnight(300, seed: 32, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

        var ownerOf = new Dictionary<string, int>();
        var merged = new HashSet<int>();
        var wrongFrames = 0;
        foreach (var (at, identity, vector) in frames)
        {
            var body = JsonSerializer.Serialize(new { vector, entry_time = at.ToString("O", CultureInfo.InvariantCulture) });
            var response = await organization.Camera.PostAsync(PersonPath, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await response.ReadJsonAsync();
            var person = answer.GetProperty("id").GetString()!;
            if (answer.GetProperty("decision").GetString() == "created")
            {
                ownerOf[person] = identity;
            }
            else if (ownerOf[person] != identity)
            {
                wrongFrames++;
                merged.Add(identity);
                merged.Add(ownerOf[person]);
            }
        }

        var rate = (double)merged.Count / identities.Count;
        output.WriteLine($"{server.Kind}: {frames.Count} frames of {identities.Count} identities through POST {PersonPath}: {ownerOf.Count} persons, " +
            $"{merged.Count} identities in a false merge ({rate:P2}), {wrongFrames} frames attached to another identity");
        Assert.True(rate < 0.01, $"{rate:P2} of the identities were merged with a stranger");
    }
}
