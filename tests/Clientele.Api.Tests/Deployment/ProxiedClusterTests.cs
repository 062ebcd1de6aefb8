using System.Net;
using System.Net.WebSockets;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Errors;

namespace Clientele.Api.Tests.Deployment;

/// <summary>
/// Two instances behind nginx (deploy/nginx): a session made through the proxy works on both, a per-IP limit is counted
/// once for both, the logs name the real client, and an event raised on one instance reaches a socket on the other.
/// Each test calls from its own loopback address, so each is its own client to nginx and to the limits.
/// </summary>
[Collection(Jobs.ServerProcessCollection.Name)]
public sealed class ProxiedClusterTests(ProxiedCluster cluster) : IClassFixture<ProxiedCluster>
{
    private const string SkipMessage = $"Debian's nginx is not installed ({NginxProxy.Binary}): ./test.sh installs it when run as root.";

    [SkippableFact]
    public async Task A_session_made_through_the_proxy_works_on_both_instances()
    {
        Skip.IfNot(NginxProxy.Installed, SkipMessage);
        var http = cluster.Through("127.0.0.2");
        var session = await LoopbackClients.LoginAsync(http, ProxiedCluster.Email, ProxiedCluster.Password);

        var requests = Enumerable.Range(0, 6).Select(_ => $"session-{Guid.NewGuid():N}").ToList();
        foreach (var requestId in requests)
        {
            Assert.Equal(HttpStatusCode.OK, await LoopbackClients.GetWithCookieAsync(http, "/platform/api/me", session, requestId));
        }

        var servers = new List<RateLimits.ServerProcess>();
        foreach (var requestId in requests)
        {
            servers.Add(await cluster.ServedAsync(requestId));
        }
        Assert.Contains(cluster.A, servers);
        Assert.Contains(cluster.B, servers);
        Assert.Equal(HttpStatusCode.OK, await LoopbackClients.GetWithCookieAsync(LoopbackClients.Http(cluster.A.Port), "/platform/api/me", session));
        Assert.Equal(HttpStatusCode.OK, await LoopbackClients.GetWithCookieAsync(LoopbackClients.Http(cluster.B.Port), "/platform/api/me", session));
        Assert.Equal(HttpStatusCode.Unauthorized, await LoopbackClients.GetWithCookieAsync(http, "/platform/api/me", "clientele.session=forged"));
    }

    [SkippableFact]
    public async Task A_per_ip_limit_is_shared_by_both_instances_and_counts_the_real_client()
    {
        Skip.IfNot(NginxProxy.Installed, SkipMessage);
        var http = cluster.Through("127.0.0.3");
        var requests = new List<string>();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ProxiedCluster.Limit + 2; i++)
        {
            var requestId = $"limit-{Guid.NewGuid():N}";
            requests.Add(requestId);
            statuses.Add(await GetClientsAsync(http, requestId));
        }

        Assert.All(statuses.Take(ProxiedCluster.Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(ProxiedCluster.Limit), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var servers = new List<RateLimits.ServerProcess>();
        foreach (var requestId in requests.Take(ProxiedCluster.Limit))
        {
            servers.Add(await cluster.ServedAsync(requestId));
        }
        Assert.Contains(cluster.A, servers);
        Assert.Contains(cluster.B, servers);
        // Another client behind the same proxy has a bucket of its own.
        Assert.Equal(HttpStatusCode.OK, await GetClientsAsync(cluster.Through("127.0.0.4"), $"limit-{Guid.NewGuid():N}"));
    }

    [SkippableFact]
    public async Task The_logs_name_the_client_nginx_saw_not_nginx_and_not_what_the_client_claims()
    {
        Skip.IfNot(NginxProxy.Installed, SkipMessage);
        var requestId = $"client-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/banking/api/clients");
        request.Headers.Add("X-Api-Key", cluster.ApiKey);
        request.Headers.Add("X-Request-Id", requestId);
        request.Headers.Add("X-Forwarded-For", "203.0.113.66");
        using var response = await cluster.Through("127.0.0.5").SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var server = await cluster.ServedAsync(requestId);
        var line = server.Output.Split('\n').Single(l => l.Contains(requestId, StringComparison.Ordinal) && l.Contains(RequestIds.AccessCategory, StringComparison.Ordinal));
        Assert.Contains("\"ClientAddress\":\"127.0.0.5\"", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.5 GET /banking/api/clients 200", line, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.66", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.5 - ", cluster.Nginx.AccessLog, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_event_raised_on_one_instance_reaches_sockets_connected_through_the_proxy_to_either()
    {
        Skip.IfNot(NginxProxy.Installed, SkipMessage);
        var socketIds = new[] { $"socket-{Guid.NewGuid():N}", $"socket-{Guid.NewGuid():N}" };
        var sockets = new List<ClientWebSocket>();
        foreach (var socketId in socketIds)
        {
            // Consecutive connections: nginx's round robin puts them on different instances (checked below).
            var socket = await LoopbackClients.ConnectSocketAsync(cluster.SocketUri, "127.0.0.6", cluster.ApiKey, socketId);
            await EventSockets.SubscribeAsync(socket, "job.updated");
            sockets.Add(socket);
        }

        // Raised on B (which does not dispatch): A's dispatcher publishes it to Redis, and each instance forwards it to its sockets.
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/banking/api/summaries/refresh");
        refresh.Headers.Add("X-Api-Key", cluster.ApiKey);
        using var accepted = await LoopbackClients.Http(cluster.B.Port).SendAsync(refresh);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var jobId = (await accepted.ReadJsonAsync()).GetProperty("task_id").GetString();

        foreach (var socket in sockets)
        {
            var received = await EventSockets.ReceiveJsonAsync(socket);
            Assert.Equal("job.updated", received.GetProperty("event").GetString());
            Assert.Equal(jobId, received.GetProperty("job_id").GetString());
        }
        foreach (var socket in sockets)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            socket.Dispose();
        }
        var holders = new List<RateLimits.ServerProcess>();
        foreach (var socketId in socketIds)
        {
            holders.Add(await cluster.ServedAsync(socketId));
        }
        Assert.Contains(cluster.A, holders);
        Assert.Contains(cluster.B, holders);
    }

    private async Task<HttpStatusCode> GetClientsAsync(HttpClient http, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/banking/api/clients");
        request.Headers.Add("X-Api-Key", cluster.ApiKey);
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
