namespace Clientele.Banking.Recommendations;

/// <summary>A page's rows by client code, added in the order a reader returns them (one dictionary lookup per run of a client).</summary>
internal sealed class RowsByClient<TRow>
{
    private int code = int.MinValue;
    private List<TRow> rows = [];

    public Dictionary<int, List<TRow>> ByClient { get; } = [];

    public void Add(int client, TRow row)
    {
        if (client != code && !ByClient.TryGetValue(client, out rows!))
        {
            rows = [];
            ByClient.Add(client, rows);
        }
        code = client;
        rows.Add(row);
    }
}
