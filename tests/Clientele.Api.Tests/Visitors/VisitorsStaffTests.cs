using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Staff: marked by a writer, their visits leave the statistics and raise no arrival event; other organizations cannot mark them.</summary>
public sealed class VisitorsStaffTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    [DatabaseFact]
    public async Task Staff_visits_leave_the_statistics_and_the_arrival_events()
    {
        var organization = await NewOrganizationAsync(server, "nome-staff");
        var other = await NewOrganizationAsync(server, "nome-staff-other");
        var faces = new Faces(101);
        var waiter = faces.Identity();
        var guest = faces.Identity();
        var now = DateTimeOffset.UtcNow;
        var staffId = (await SendAsync(organization, waiter, now.AddHours(-4), 40, "Male")).GetProperty("id").GetString();
        var guestId = (await SendAsync(organization, guest, now.AddHours(-4).AddMinutes(1), 25, "Female")).GetProperty("id").GetString();
        var path = $"{PersonPath}{staffId}/staff/";
        var reader = server.WithApiKey(await server.CreateApiKeyAsync(organization.Id, "visitors:read"));

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(path, new { staff = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PutAsJsonAsync(path, new { staff = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organization.Client.PutAsJsonAsync($"{PersonPath}not-a-uuid/staff/", new { staff = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await organization.Client.PutAsJsonAsync(path, new { })).StatusCode);
        var wrongType = await organization.Client.PutAsync(path, new StringContent("""{"staff": "yes"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("Invalid data provided", (await wrongType.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Empty((await (await organization.Client.GetAsync("/visitors/api/client/staff/")).ReadJsonAsync()).EnumerateArray());

        var marked = await organization.Client.PutAsJsonAsync(path, new { staff = true });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.True((await marked.ReadJsonAsync()).GetProperty("is_staff").GetBoolean());
        var staff = await (await organization.Client.GetAsync("/visitors/api/client/staff/")).ReadJsonAsync();
        Assert.Equal([staffId], staff.EnumerateArray().Select(person => person.GetProperty("id").GetString()));
        Assert.Empty((await (await other.Client.GetAsync("/visitors/api/client/staff/")).ReadJsonAsync()).EnumerateArray());

        var ticket = await EventSockets.TicketAsync(server, await server.CreateApiKeyAsync(organization.Id, "visitors:read"));
        using var socket = await server.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri($"ws://localhost/visitors/ws/person/?ticket={Uri.EscapeDataString(ticket)}"), CancellationToken.None);
        await EventSockets.SubscribeAsync(socket, "person_joined");
        var back = await SendAsync(organization, faces.Frame(waiter), now.AddHours(-1), 40, "Male");
        Assert.Equal(staffId, back.GetProperty("id").GetString());
        await SendAsync(organization, faces.Frame(guest), now.AddHours(-1).AddMinutes(1), 25, "Female");

        var message = await EventSockets.ReceiveJsonAsync(socket);
        Assert.Equal(guestId, message.GetProperty("person").GetProperty("id").GetString());
        var visits = await (await organization.Client.GetAsync("/visitors/api/client/statistics/visit-count/?type=day")).ReadJsonAsync();
        Assert.Equal(2, visits.EnumerateArray().Sum(point => point.GetProperty("value").GetInt32()));
        var genders = await (await organization.Client.GetAsync("/visitors/api/client/statistics/gender/")).ReadJsonAsync();
        Assert.Equal(["Female"], genders.EnumerateArray().Select(share => share.GetProperty("type").GetString()));
        var ages = await (await organization.Client.GetAsync("/visitors/api/client/statistics/age/")).ReadJsonAsync();
        Assert.Equal(["18-30"], ages.EnumerateArray().Select(share => share.GetProperty("type").GetString()));

        Assert.False((await (await organization.Client.PutAsJsonAsync(path, new { staff = false })).ReadJsonAsync()).GetProperty("is_staff").GetBoolean());
        genders = await (await organization.Client.GetAsync("/visitors/api/client/statistics/gender/")).ReadJsonAsync();
        Assert.Equal(["Female", "Male"], genders.EnumerateArray().Select(share => share.GetProperty("type").GetString()));
    }

    private async Task<System.Text.Json.JsonElement> SendAsync(VisitorsOrg organization, float[] vector, DateTimeOffset at, int age, string gender)
    {
        var response = await server.CreateClient().PostAsync(PersonPath, Frame(organization.PrivateKey, vector, at, age, gender));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
