using Clientele.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Support;

/// <summary>The real server on Kestrel on a free loopback port, for what the in-memory test server does not have: connections and Kestrel's limits.</summary>
public class KestrelServer : ClienteleFactory
{
    public KestrelServer() : base(DatabaseKind.Sqlite) => UseKestrel(0);

    public HttpClient Http { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        try
        {
            await base.InitializeAsync();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException && e.Message.Contains("Kestrel", StringComparison.Ordinal))
        {
            // The base touches the in-memory TestServer, which a Kestrel-hosted factory does not have; the server is up.
        }
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), Timeout = Timeout.InfiniteTimeSpan };
    }
}
