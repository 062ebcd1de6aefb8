using Clientele.Testing;

namespace Clientele.Api.Tests.Support;

/// <summary>A server whose own organization has the whole case data set imported through the upload endpoint, once.</summary>
public class CaseDataServer(DatabaseKind kind) : ClienteleFactory(kind)
{
    public HttpClient? Client { get; private set; }
    public Guid OrganizationId { get; private set; }
    public HttpResponseMessage? ImportResponse { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (SharedData.Folder("bank_case") is not { } folder)
        {
            return;
        }
        (Client, OrganizationId) = await ClientForNewOrganizationAsync("case", "banking:write");
        ImportResponse = await Client.PostAsync("/banking/api/import", CaseUpload.FromFolder(folder));
    }

    public HttpClient RequireClient()
    {
        Xunit.Skip.If(Client is null, "../shared/data/bank_case is absent; this test needs the case data.");
        return Client!;
    }
}

public class ProductionServer : ClienteleFactory
{
    public ProductionServer(DatabaseKind kind) : base(kind) => Environment = "Production";
}

