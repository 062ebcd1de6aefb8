using Clientele.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Streams;

/// <summary>
/// The real server on Kestrel (the abort must reach a real connection) with two responses behind the whole pipeline that
/// fail after their first bytes: one chunked, one with a declared length.
/// </summary>
public sealed class BrokenStreamServer : KestrelServer
{
    public const string Chunked = "/test/broken/chunked.csv";
    public const string WithLength = "/test/broken/length.csv";
    public const string FirstRows = "client_code,product\n1,Кредитная карта\n";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, BrokenEndpoints>());
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
