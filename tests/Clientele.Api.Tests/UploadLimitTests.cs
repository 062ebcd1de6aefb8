using System.Net;
using System.Net.Http.Headers;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Api;

namespace Clientele.Api.Tests;

/// <summary>The banking import's documented 512 MiB on Kestrel, past ASP.NET Core's own 30 MB body and 128 MiB form limits.</summary>
public sealed class UploadLimitTests(KestrelServer server) : IClassFixture<KestrelServer>
{
    private async Task<HttpResponseMessage> UploadAsync(long bytes, bool declareLength)
    {
        var organization = await server.CreateOrganizationAsync("upload");
        var file = new FillerContent(bytes, declareLength);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "files", "notes.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/banking/api/import") { Content = form };
        request.Headers.Add("X-Api-Key", await server.CreateApiKeyAsync(organization, "banking:write"));
        request.Headers.ExpectContinue = true; // as curl -F sends a large file
        return await server.Http.SendAsync(request);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_128_MiB_reaches_the_importer(bool declareLength)
    {
        var response = await UploadAsync(130L << 20, declareLength);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("import_error", problem.GetProperty("type").GetString());
        Assert.Equal("notes.csv", problem.GetProperty("loc")[1].GetString());
        Assert.StartsWith("Unknown file", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_512_MiB_is_413_in_fastapi_shape(bool declareLength)
    {
        var response = await UploadAsync(ImportEndpoints.MaxUploadBytes + (1 << 20), declareLength);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"detail":"Request body too large"}""", await response.Content.ReadAsStringAsync());
    }
}
