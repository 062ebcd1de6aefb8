using Clientele.Banking.Data;
using Clientele.Banking.Offers;
using Clientele.Banking.Recommendations;

namespace Clientele.Banking.Population;

/// <summary>Builds population statistics by streaming every client of the organization once, a page at a time.</summary>
public static class PopulationStatsReader
{
    public static async Task<PopulationStats> BuildAsync(
        BankingDbContext db, OfferEngine engine, int pageSize, Func<int, Task>? onPage, CancellationToken cancellationToken)
    {
        var builder = new PopulationStatsBuilder(engine.Settings);
        await foreach (var page in ClientActivityReader.PagesAsync(db, pageSize, cancellationToken))
        {
            foreach (var activity in page)
            {
                builder.Add(engine.Describe(activity));
            }
            if (onPage is not null)
            {
                await onPage(page.Count);
            }
        }
        return builder.Build();
    }
}
