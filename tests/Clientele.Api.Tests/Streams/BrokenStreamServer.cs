using Clientele.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Streams;

/// <summary>
/// The real server on Kestrel (the abort must reach a real connection) with two responses behind the whole pipeline that
/// fail after their first bytes: one chunked, one with a declared length.
/// </summary>
public sealed class BrokenStreamServer : ClienteleFactory
{
    public const string Chunked = "/test/broken/chunked.csv";
    public const string WithLength = "/test/broken/length.csv";
    public const string FirstRows = "client_code,product\n1,Кредитная карта\n";

    public BrokenStreamServer() : base(DatabaseKind.Sqlite) => UseKestrel(0);

    public HttpClient Http { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, BrokenEndpoints>());
    }

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
        Http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
    }

    /// <summary>Runs after every endpoint of the app, so the platform's middleware is around it as around any endpoint.</summary>
    private sealed class BrokenEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(async context =>
            {
                if (context.Request.Path != Chunked && context.Request.Path != WithLength)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                context.Response.ContentType = "text/csv; charset=utf-8";
                if (context.Request.Path == WithLength)
                {
                    context.Response.ContentLength = 1 << 20;
                }
                await context.Response.WriteAsync(FirstRows);
                await context.Response.Body.FlushAsync();
                throw new InvalidOperationException("the database went away half-way");
            });
        };
    }
}
