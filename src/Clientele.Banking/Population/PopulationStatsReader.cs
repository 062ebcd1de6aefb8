using Clientele.Banking.Data;
using Clientele.Banking.Offers;
using Clientele.Banking.Recommendations;

namespace Clientele.Banking.Population;

/// <summary>Builds population statistics by streaming every client of the organization once, a page at a time
/// (each page described while the next is read).</summary>
public static class PopulationStatsReader
{
    public static async Task<PopulationStats> BuildAsync(
        BankingDbContext db, OfferEngine engine, int pageSize, Func<IReadOnlyList<ClientFeatures>, Task>? onPage, CancellationToken cancellationToken)
    {
        var builder = new PopulationStatsBuilder(engine.Settings);
        await foreach (var described in ClientActivityReader.PipelineAsync(db, pageSize, page => page.Select(engine.Describe).ToList(), cancellationToken))
        {
            described.ForEach(builder.Add);
            if (onPage is not null)
            {
                await onPage(described);
            }
        }
        return builder.Build();
    }
}
