namespace Clientele.Api.Tests.Streams;

/// <summary>A response that fails after its first bytes must not reach the client as a complete 200.</summary>
public sealed class BrokenStreamTests(BrokenStreamServer server) : IClassFixture<BrokenStreamServer>
{
    // HTTP/1.0 is what nginx speaks to its upstreams by default: there the end of the connection is the end of the body.
    [Theory]
    [InlineData(BrokenStreamServer.Chunked, "1.1")]
    [InlineData(BrokenStreamServer.WithLength, "1.1")]
    [InlineData(BrokenStreamServer.Chunked, "1.0")]
    [InlineData(BrokenStreamServer.WithLength, "1.0")]
    public async Task A_response_failing_half_way_is_an_error_for_the_client(string path, string version)
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Version = Version.Parse(version), VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsStringAsync();
        });

        var io = Assert.IsType<HttpRequestException>(failure, exactMatch: false).InnerException;
        Assert.IsType<IOException>(io, exactMatch: false);
        Assert.Contains(server.Logs.Lines, l => l.Contains($"GET {path} failed after it started; the connection was aborted", StringComparison.Ordinal));
    }
}
